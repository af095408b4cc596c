module-take-quiz = Пройти тест
trainer-quiz = Тест
quiz-back-to-module = Назад до модуля
quiz-back-to-quiz = Назад до тесту
quiz-pass-mark = Прохідний бал
quiz-attempts = Спроби
quiz-attempts-of = використано { $used } з { $allowed }
quiz-attempts-unlimited = використано { $used }, без обмеження
quiz-time-limit = Обмеження часу
quiz-questions = Питань
quiz-questions-drawn = { $count } (випадково з { $pool })
quiz-by-hand = Відповіді, які ви пишете своїми словами, оцінює тренер. До того результат не остаточний.
quiz-timed-online = Для тесту з обмеженням часу потрібне підключення до самого надсилання: без інтернету його не пройти.
quiz-best = Ваш найкращий результат
quiz-passed = Ви пройшли цей тест.
quiz-passed-short = пройдено
quiz-not-passed = Поки не пройдено: прохідний бал { $pass }%.
quiz-continue = Продовжити спробу
quiz-start = Почати спробу
quiz-no-attempts-left = Ви використали всі спроби.
quiz-your-attempts = Ваші спроби
quiz-in-progress = триває
quiz-edit = Редагувати тест
quiz-open-page = Сторінка тесту
quiz-deadline = Надішліть до { $at }. Після цього спроба закриється такою, як є.
quiz-score = Ви набрали { $score } з { $max } ({ $percent }%).
quiz-pending-grading = Тренер ще не оцінив ваші письмові відповіді; бал може зрости.
quiz-review-later = Відповіді та коментарі до цього тесту поки не показуються.
quiz-question-number = Питання { $n }
quiz-your-answer = Ваша відповідь
quiz-true = Правильно
quiz-false = Неправильно
quiz-save = Зберегти відповіді
quiz-submit = Надіслати й завершити
quiz-save-hint = Ваші відповіді збережуться, навіть якщо зв’язок перерветься: поверніться на цю сторінку й продовжуйте.
quiz-question-score = { $score } з { $max } балів
quiz-awaiting-grade = Чекає на оцінку тренера
quiz-right-answer = Правильна відповідь
quiz-trainer-comment = Коментар тренера
quiz-editor-title = Тест модуля { $module }
quiz-settings = Налаштування
quiz-attempts-allowed = Кількість спроб (порожньо — без обмеження)
quiz-time-limit-minutes = Обмеження часу в хвилинах (порожньо — немає)
quiz-draw = Скільки питань обирати випадково в кожній спробі (порожньо — всі)
quiz-review-policy = Коли показувати відповіді та коментарі
quiz-review-after-attempt = Після кожної спроби
quiz-review-after-pass = Після того як тест пройдено
quiz-review-after-last = Після останньої спроби
quiz-review-never = Ніколи
quiz-shuffle-questions = Перемішувати питання
quiz-shuffle-choices = Перемішувати варіанти відповіді
quiz-required = Для завершення курсу потрібно пройти тест
quiz-translation-hint = У перекладі ті самі питання, з тими самими [id:], у тому самому порядку, що й в англійському тесті. Налаштування задаються в англійському тесті.
quiz-format = Формат
quiz-source = Питання
quiz-source-hint = GIFT у тому вигляді, як його читає Moodle: // [id:q1] перед кожним питанням, ::Назва::, {"{"}=правильно ~неправильно#коментар{"}"}. Експорт із Moodle можна вставити як є.
quiz-preview-count = { $count ->
    [one] Попередній перегляд: { $count } питання
    [few] Попередній перегляд: { $count } питання
    [many] Попередній перегляд: { $count } питань
   *[other] Попередній перегляд: { $count } питання
}
quiz-saved = { $count ->
    [one] Збережено: { $count } питання.
    [few] Збережено: { $count } питання.
    [many] Збережено: { $count } питань.
   *[other] Збережено: { $count } питання.
}
quiz-type-single = одна відповідь
quiz-type-multiple = кілька відповідей
quiz-type-truefalse = правильно/неправильно
quiz-type-short = коротка відповідь
quiz-type-numerical = число
quiz-type-matching = відповідність
quiz-type-essay = есе
quiz-results-title = Результати
quiz-download-csv = Завантажити CSV
quiz-no-results = Поки жодної надісланої спроби.
quiz-score-heading = Бал
quiz-grading-title = Есе на перевірку
quiz-nothing-to-grade = Перевіряти нічого.
quiz-grade-score = Бал
quiz-grade-score-of = Бал (від 0 до { $max })
quiz-grade-guide = Критерії оцінювання і зразок відповіді
quiz-grade-comment = Коментар для стипендіата(ки) (не обов’язково)
quiz-grade-save = Зберегти оцінку
quiz-statistics-title = Аналіз питань
quiz-statistics-of = Аналіз питань: { $quiz }
quiz-stats-attempts = { $count ->
    [one] Проаналізовано { $count } першу спробу
    [few] Проаналізовано { $count } перші спроби
    [many] Проаналізовано { $count } перших спроб
   *[other] Проаналізовано { $count } першої спроби
}
quiz-stats-alpha = Внутрішня узгодженість (альфа Кронбаха)
quiz-stats-help = Легкість — середній бал за питання. Дискримінація — наскільки питання узгоджується з рештою тесту (понад 30% — добре). Ефективність — дискримінація як частка від максимально можливої для питання.
quiz-stats-question = Питання
quiz-stats-facility = Легкість
quiz-stats-sd = Стандартне відхилення
quiz-stats-discrimination = Дискримінація
quiz-stats-efficiency = Ефективність
quiz-stats-chart = Легкість і дискримінація за питаннями
error-syntax = Рядок { $line }, стовпець { $column }: { $detail }
error-quiz-format = Оберіть GIFT або Aiken.
error-quiz-empty = У цьому тексті немає жодного питання.
error-quiz-english-first = Спершу збережіть англійський тест: переклади слідують його питанням.
error-percent-range = Відсоток від 0 до 100.
error-attempts-range = Принаймні 1 спроба, або порожньо — без обмеження.
error-time-limit-range = Від 30 секунд до 24 годин, або порожньо — без обмеження.
error-draw-range = Принаймні 1 питання, або порожньо — всі.
error-whole-number = Потрібне ціле число.
error-no-attempts-left = Ви використали всі спроби в цьому тесті.
error-attempt-expired = Час цієї спроби вийшов; її закрито такою, як була.
error-attempt-submitted = Цю спробу вже надіслано.
error-attempt-open = Спробу ще не надіслано.
error-answer-shape = Відповідь неналежного вигляду: очікується { $expected }.
error-answer-unknown-id = { $id } — не варіант відповіді на це питання.
error-answer-too-long = Відповідь може містити не більше { $max } символів.
error-answer-number = Напишіть число, наприклад 12 або 2,5.
error-not-an-essay = Вручну оцінюються лише есе.
error-score-range = Бал від 0 до { $max }.
error-score-required = Потрібен бал.

quiz-minutes-left = { $minutes ->
    [one] Коли сторінка відкрилася, лишалася { $minutes } хвилина.
    [few] Коли сторінка відкрилася, лишалося { $minutes } хвилини.
   *[other] Коли сторінка відкрилася, лишалося { $minutes } хвилин.
}
quiz-time-up-send-now = Час вийшов. Надішліть відповіді зараз: ще недовго вони будуть зараховані.
quiz-time-ran-out = Час вийшов раніше, ніж спробу було надіслано: оцінено те, що було збережено до кінця часу.
quiz-check-title = Не на всі питання є відповідь
quiz-check-intro = Ваші відповіді збережено. Перш ніж надіслати, подивіться ще раз на ці питання:
quiz-check-unanswered = Питання { $number }: немає відповіді
quiz-check-incomplete = Питання { $number }: відповідь неповна
quiz-check-final = Після надсилання відповіді змінити не можна.
quiz-check-deadline = Надішліть до { $time }.
quiz-check-back = Повернутися до відповідей
quiz-check-submit = Однаково надіслати
quiz-countdown = Залишилося: { $time }

## Черга перевірки
grading-title = Відповіді на перевірку
grading-count = { $count ->
    [0] Перевірки нічого не чекає.
    [one] { $count } відповідь чекає на оцінку, спершу найраніші.
    [few] { $count } відповіді чекають на оцінку, спершу найраніші.
   *[other] { $count } відповідей чекають на оцінку, спершу найраніші.
}
grading-answer = Відповідь
grading-saved = Оцінку збережено, автор відповіді отримав сповіщення. Наступна відповідь — перша нижче.
grading-saved-last = Оцінку збережено, автор відповіді отримав сповіщення. Більше нічого не чекає на перевірку.
gift-too-large = файл більший за { $kib } КіБ
gift-duplicate-id = ідентифікатор «{ $id }» мають два питання
gift-no-answers = немає відповідей: питанню потрібні {"{"} {"}"} (для есе — {"{"}{"}"})
gift-unclosed = цю {"{"} ніде не закрито {"}"}
gift-stray-close = ця {"}"} нічого не закриває
gift-close-first = ця {"}"} стоїть раніше за {"{"}
gift-few-choices = питанню з вибором потрібно щонайменше 2 варіанти
gift-few-pairs = питанню на відповідність потрібно щонайменше 2 пари
gift-pair-arrow = кожну пару питання на відповідність пишуть так: підказка -> відповідь
gift-pair-empty = у цій парі нічого немає після ->
gift-few-prompts = питанню на відповідність потрібно щонайменше 2 підказки
gift-short-no-answer = питанню з короткою відповіддю потрібна відповідь
gift-empty-answer = порожня правильна відповідь
gift-numerical-no-number = числовому питанню потрібне число
gift-not-a-number = «{ $value }» — не число, не число:похибка і не діапазон мін..макс
gift-negative-tolerance = похибка не може бути від’ємною (напишіть мін..макс, де мін менше за макс)
aiken-answer-unknown = ANSWER не називає жодного варіанта цього питання ({ $value })
aiken-too-few = перед ANSWER потрібні текст питання і щонайменше 2 варіанти
aiken-expected = тут очікується ще один варіант (A. …) або ANSWER:
aiken-no-answer = у цього питання немає рядка ANSWER:
quiz-translation-count = питань: { $count }, а в англійській версії: { $english }
quiz-translation-id = питання { $n } має ідентифікатор «{ $id }», а англійське — «{ $english }»
quiz-translation-shape = питання «{ $id }» тут — { $kind } з варіантами: { $count }, а в англійській версії — { $english_kind } з варіантами: { $english_count }
