module-take-quiz = Пройти тест
trainer-quiz = Тест
quiz-back-to-module = Назад к модулю
quiz-back-to-quiz = Назад к тесту
quiz-pass-mark = Проходной балл
quiz-attempts = Попытки
quiz-attempts-of = использовано { $used } из { $allowed }
quiz-attempts-unlimited = использовано { $used }, без ограничения
quiz-time-limit = Ограничение времени
quiz-questions = Вопросов
quiz-questions-drawn = { $count } (случайно из { $pool })
quiz-by-hand = Ответы, которые вы пишете своими словами, оценивает тренер. До этого результат не окончательный.
quiz-timed-online = Для теста с ограничением времени нужно подключение до самой отправки: без интернета его не пройти.
quiz-best = Ваш лучший результат
quiz-passed = Вы прошли этот тест.
quiz-passed-short = пройден
quiz-not-passed = Пока не пройден: проходной балл { $pass }%.
quiz-continue = Продолжить попытку
quiz-start = Начать попытку
quiz-no-attempts-left = Вы использовали все попытки.
quiz-your-attempts = Ваши попытки
quiz-in-progress = в процессе
quiz-edit = Редактировать тест
quiz-open-page = Страница теста
quiz-deadline = Отправьте до { $at }. После этого попытка закроется в том виде, в каком есть.
quiz-score = Вы набрали { $score } из { $max } ({ $percent }%).
quiz-pending-grading = Тренер ещё не оценил ваши письменные ответы; балл может вырасти.
quiz-review-later = Ответы и комментарии к этому тесту пока не показываются.
quiz-question-number = Вопрос { $n }
quiz-your-answer = Ваш ответ
quiz-true = Верно
quiz-false = Неверно
quiz-save = Сохранить ответы
quiz-submit = Отправить и завершить
quiz-save-hint = Ваши ответы сохранятся, даже если связь прервётся: вернитесь на эту страницу и продолжайте.
quiz-question-score = { $score } из { $max } баллов
quiz-awaiting-grade = Ждёт оценки тренера
quiz-right-answer = Правильный ответ
quiz-trainer-comment = Комментарий тренера
quiz-editor-title = Тест модуля { $module }
quiz-settings = Настройки
quiz-attempts-allowed = Число попыток (пусто — без ограничения)
quiz-time-limit-minutes = Ограничение времени в минутах (пусто — нет)
quiz-draw = Сколько вопросов выбирать случайно в каждой попытке (пусто — все)
quiz-review-policy = Когда показывать ответы и комментарии
quiz-review-after-attempt = После каждой попытки
quiz-review-after-pass = После того как тест пройден
quiz-review-after-last = После последней попытки
quiz-review-never = Никогда
quiz-shuffle-questions = Перемешивать вопросы
quiz-shuffle-choices = Перемешивать варианты ответа
quiz-required = Для завершения курса нужно пройти тест
quiz-translation-hint = В переводе те же вопросы, с теми же [id:], в том же порядке, что и в английском тесте. Настройки задаются в английском тесте.
quiz-format = Формат
quiz-source = Вопросы
quiz-source-hint = GIFT в том виде, как его читает Moodle: // [id:q1] перед каждым вопросом, ::Название::, {"{"}=верно ~неверно#комментарий{"}"}. Экспорт из Moodle можно вставить как есть.
quiz-preview-count = { $count ->
    [one] Предпросмотр: { $count } вопрос
    [few] Предпросмотр: { $count } вопроса
    [many] Предпросмотр: { $count } вопросов
   *[other] Предпросмотр: { $count } вопроса
}
quiz-saved = { $count ->
    [one] Сохранено: { $count } вопрос.
    [few] Сохранено: { $count } вопроса.
    [many] Сохранено: { $count } вопросов.
   *[other] Сохранено: { $count } вопроса.
}
quiz-type-single = один ответ
quiz-type-multiple = несколько ответов
quiz-type-truefalse = верно/неверно
quiz-type-short = короткий ответ
quiz-type-numerical = число
quiz-type-matching = соответствие
quiz-type-essay = эссе
quiz-results-title = Результаты
quiz-download-csv = Скачать CSV
quiz-no-results = Пока ни одной отправленной попытки.
quiz-score-heading = Балл
quiz-grading-title = Эссе на проверку
quiz-nothing-to-grade = Проверять нечего.
quiz-grade-score = Балл
quiz-grade-score-of = Балл (от 0 до { $max })
quiz-grade-guide = Критерии оценки и образец ответа
quiz-grade-comment = Комментарий для стипендиата(ки) (не обязательно)
quiz-grade-save = Сохранить оценку
quiz-statistics-title = Анализ вопросов
quiz-statistics-of = Анализ вопросов: { $quiz }
quiz-stats-attempts = { $count ->
    [one] Проанализирована { $count } первая попытка
    [few] Проанализированы { $count } первые попытки
    [many] Проанализировано { $count } первых попыток
   *[other] Проанализировано { $count } первой попытки
}
quiz-stats-alpha = Внутренняя согласованность (альфа Кронбаха)
quiz-stats-help = Лёгкость — средний балл за вопрос. Дискриминация — насколько вопрос согласуется с остальным тестом (выше 30% — хорошо). Эффективность — дискриминация как доля от максимально возможной для вопроса.
quiz-stats-question = Вопрос
quiz-stats-facility = Лёгкость
quiz-stats-sd = Стандартное отклонение
quiz-stats-discrimination = Дискриминация
quiz-stats-efficiency = Эффективность
quiz-stats-chart = Лёгкость и дискриминация по вопросам
error-syntax = Строка { $line }, столбец { $column }: { $detail }
error-quiz-format = Выберите GIFT или Aiken.
error-quiz-empty = В этом тексте нет ни одного вопроса.
error-quiz-english-first = Сначала сохраните английский тест: переводы следуют его вопросам.
error-percent-range = Процент от 0 до 100.
error-attempts-range = Хотя бы 1 попытка, или пусто — без ограничения.
error-time-limit-range = От 30 секунд до 24 часов, или пусто — без ограничения.
error-draw-range = Хотя бы 1 вопрос, или пусто — все.
error-whole-number = Нужно целое число.
error-no-attempts-left = Вы использовали все попытки в этом тесте.
error-attempt-expired = Время этой попытки вышло; она закрыта в том виде, в каком была.
error-attempt-submitted = Эта попытка уже отправлена.
error-attempt-open = Попытка ещё не отправлена.
error-answer-shape = Ответ неподходящего вида: ожидается { $expected }.
error-answer-unknown-id = { $id } — не вариант ответа на этот вопрос.
error-answer-too-long = Ответ может содержать не больше { $max } символов.
error-answer-number = Напишите число, например 12 или 2,5.
error-not-an-essay = Вручную оцениваются только эссе.
error-score-range = Балл от 0 до { $max }.
error-score-required = Нужен балл.

quiz-minutes-left = { $minutes ->
    [one] Когда страница открылась, оставалась { $minutes } минута.
    [few] Когда страница открылась, оставалось { $minutes } минуты.
   *[other] Когда страница открылась, оставалось { $minutes } минут.
}
quiz-time-up-send-now = Время вышло. Отправьте ответы сейчас: ещё короткое время они будут засчитаны.
quiz-time-ran-out = Время вышло раньше, чем попытка была отправлена: оценено то, что было сохранено до конца времени.
quiz-check-title = Не на все вопросы есть ответ
quiz-check-intro = Ваши ответы сохранены. Прежде чем отправить, посмотрите ещё раз на эти вопросы:
quiz-check-unanswered = Вопрос { $number }: нет ответа
quiz-check-incomplete = Вопрос { $number }: ответ неполный
quiz-check-final = После отправки ответы изменить нельзя.
quiz-check-deadline = Отправьте до { $time }.
quiz-check-back = Вернуться к ответам
quiz-check-submit = Всё равно отправить
quiz-countdown = Осталось: { $time }

## Очередь проверки
grading-title = Ответы на проверку
grading-count = { $count ->
    [0] Проверки ничего не ждёт.
    [one] { $count } ответ ждёт оценки, сначала самые ранние.
    [few] { $count } ответа ждут оценки, сначала самые ранние.
   *[other] { $count } ответов ждут оценки, сначала самые ранние.
}
grading-answer = Ответ
grading-saved = Оценка сохранена, автор ответа получил уведомление. Следующий ответ — первый ниже.
grading-saved-last = Оценка сохранена, автор ответа получил уведомление. Больше ничего не ждёт проверки.
gift-too-large = файл больше { $kib } КиБ
gift-duplicate-id = идентификатор «{ $id }» есть у двух вопросов
gift-no-answers = нет ответов: вопросу нужны {"{"} {"}"} (для эссе — {"{"}{"}"})
gift-unclosed = эта {"{"} нигде не закрыта {"}"}
gift-stray-close = эта {"}"} ничего не закрывает
gift-close-first = эта {"}"} стоит раньше {"{"}
gift-few-choices = вопросу с выбором нужно не меньше 2 вариантов
gift-few-pairs = вопросу на соответствие нужно не меньше 2 пар
gift-pair-arrow = каждая пара вопроса на соответствие пишется так: подсказка -> ответ
gift-pair-empty = в этой паре ничего нет после ->
gift-few-prompts = вопросу на соответствие нужно не меньше 2 подсказок
gift-short-no-answer = вопросу с коротким ответом нужен ответ
gift-empty-answer = пустой правильный ответ
gift-numerical-no-number = числовому вопросу нужно число
gift-not-a-number = «{ $value }» — не число, не число:погрешность и не диапазон мин..макс
gift-negative-tolerance = погрешность не может быть отрицательной (напишите мин..макс, где мин меньше макс)
aiken-answer-unknown = ANSWER не называет ни одного варианта этого вопроса ({ $value })
aiken-too-few = перед ANSWER нужны текст вопроса и не меньше 2 вариантов
aiken-expected = здесь ожидается ещё один вариант (A. …) или ANSWER:
aiken-no-answer = у этого вопроса нет строки ANSWER:
quiz-translation-count = вопросов: { $count }, а в английской версии: { $english }
quiz-translation-id = у вопроса { $n } идентификатор «{ $id }», а у английского — «{ $english }»
quiz-translation-shape = вопрос «{ $id }» здесь — { $kind } с вариантами: { $count }, а в английской версии — { $english_kind } с вариантами: { $english_count }
