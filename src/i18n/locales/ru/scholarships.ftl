## Стипендиальные программы: ошибки

error-required = Пожалуйста, заполните это поле.
error-choice = Выберите один из предложенных вариантов.
error-country = «{ $value }» — не двухбуквенный код страны (ISO 3166-1), например UA или KZ.
error-country-not-eligible = Эта программа не принимает заявки из этой страны.
error-number-range = Целое число от { $min } до { $max }, пожалуйста.
error-amount = Сумма от 0 и больше, пожалуйста.
error-currency = Трёхбуквенный код валюты, например EUR или USD.
error-date = Дата вида 2027-03-01, пожалуйста.
error-closes-before-opens = Приём заявок должен закрываться позже, чем открывается.
error-deadline-before-close = Срок завершения должен быть позже закрытия приёма заявок.
error-course-unknown = Нет курса с таким адресом: { $slugs }.
error-criterion-name = Строка { $row }: у каждого критерия должно быть название.
error-criterion-weight = Строка { $row }: вес — целое число от 1 до 100.
error-question-label = Строка { $row }: у каждого вопроса должна быть формулировка (не больше 300 символов).
error-question-kind = Строка { $row }: тип — short, long или single.
error-question-choices = Строка { $row }: вопросу с одним выбором нужно не меньше двух вариантов.
error-question-unknown = В этой программе нет такого вопроса.
error-language = Тексты можно дать на языках en, ru и uk.
error-consent = Пожалуйста, подтвердите согласие с тем, как будут использованы ваши ответы.
error-window-closed = Приём заявок на эту программу сейчас не открыт.
error-already-submitted = Ваша заявка уже отправлена.
error-withdraw-awarded = Предоставленное место нельзя отозвать как заявку; откажитесь от него.
error-score-1-5 = Оценка от 1 до 5.
error-criterion-unknown = В этой программе нет такого критерия.
error-application-answered = На это предложение уже ответили (место принято или отклонено); решение больше нельзя изменить.
error-not-submitted = Эта заявка ещё не отправлена.
error-seats-full = Все места ({ $seats }) заняты. Освободите одно (отказ или отменённое решение), прежде чем предоставить ещё одно.
error-reviewer-applicant = { $handle } подаёт заявку на этот конкурс и поэтому не может его рецензировать: рецензент читает чужие заявки. Выберите другого рецензента.
error-waitlist-empty = В листе ожидания никого нет.
error-no-award = Нет предоставленного места, на которое можно ответить.
error-decision = Решение: award, waitlist или reject.
error-csv-encoding = Файл должен быть текстом в кодировке UTF-8.
csv-duplicate = Тот же псевдоним, что и в строке { $row }.
csv-unknown-handle = Нет учётной записи с псевдонимом «{ $handle }».
csv-empty = В файле нет ни одного псевдонима.

## Письмо (ни тема, ни текст не называют программу или её тему)

mail-subject-application = Новости о вашей заявке
mail-application-received = Мы получили вашу заявку. Прочитать отправленное и следить за её статусом можно здесь:
mail-application-awarded = Хорошая новость: вам предлагают место. Пожалуйста, примите его или откажитесь здесь:
mail-application-waitlisted = Ваша заявка внесена в лист ожидания. Если место освободится, мы вам напишем. Статус заявки здесь:
mail-application-rejected = К сожалению, в этот раз мы не можем предложить вам место. Спасибо за заявку. Её статус здесь:
mail-nudge = Команда программы хочет узнать, как у вас дела. Когда будете готовы, ваши курсы ждут вас здесь:

## Страны, которые страницы знают по названию

country-am = Армения
country-az = Азербайджан
country-by = Беларусь
country-ee = Эстония
country-ge = Грузия
country-kg = Кыргызстан
country-kz = Казахстан
country-lt = Литва
country-lv = Латвия
country-md = Молдова
country-ru = Россия
country-tj = Таджикистан
country-tm = Туркменистан
country-ua = Украина
country-uz = Узбекистан

## Навигация

nav-programmes = Стипендии
nav-review = Рецензии
nav-admin-programmes = Программы

## Программы и подача заявок

programmes-title = Стипендии
programmes-lead = Стипендиальные программы учат активисток и активистов документировать нарушения прав человека и добиваться реакции на них. Подавайте заявку, пока идёт приём.
programmes-mine = Ваши заявки
programmes-open = Открытый приём заявок
programmes-none = Сейчас нет программ с открытым приёмом заявок.
programmes-manage = Управлять программами
programme-window = Приём заявок: с { $opens } до { $closes }
programme-seats = { $count ->
    [one] { $count } место
    [few] { $count } места
    [many] { $count } мест
   *[other] { $count } места
}
programme-applications = Заявки
programme-places = Места
programme-deadline = Завершить курсы до
programme-countries = Страны, из которых принимаются заявки
programme-track = Курсы программы
form-optional = (не обязательно)
apply-heading = Ваша заявка
apply-intro = Кнопка «Сохранить черновик» сохраняет ответы, чтобы вы могли вернуться и закончить; ничего не отправляется, пока вы не нажмёте «Отправить заявку».
apply-autosave-on = Кроме того, пока вы пишете, ответы сохраняются как черновик и не пропадут, если оборвётся связь.
apply-sign-in = Войдите, чтобы подать заявку
apply-closed = Сейчас приём заявок закрыт.
apply-organisation = Организация
apply-country = Страна
apply-country-hint = Двухбуквенный код, например UA, KZ или MD.
apply-experience = Ваш опыт
apply-experience-hint = Что вы уже делали: аутрич, документирование, адвокация? Достаточно нескольких предложений.
apply-motivation = Почему вы хотите участвовать?
apply-motivation-hint = Что вы хотели бы делать с тем, чему научитесь?
apply-consent-heading = Как используются ваши ответы
apply-consent-text = Ваши ответы читают только администраторы программы и назначенные ими рецензенты, чтобы выбрать стипендиатов. Больше никому они не передаются. Вы в любой момент можете прочитать отправленное, а пока идёт приём заявок — отозвать заявку: тогда она будет удалена.
apply-consent-blind = Рецензенты не видят ваш псевдоним и адрес электронной почты.
apply-consent = Даю согласие на такое использование моих ответов.
apply-autosaved = Черновик сохранён.
apply-autosave-failed = Сейчас не удалось сохранить черновик, но ваш текст на месте. Когда связь восстановится, нажмите «Сохранить черновик».
apply-send = Отправить заявку
apply-save = Сохранить черновик
apply-draft-saved = Черновик сохранён. Вы можете вернуться и закончить его, пока идёт приём заявок.
apply-sent = Ваша заявка отправлена. Спасибо! Её статус вы найдёте на этой странице.
apply-withdrawn = Ваша заявка отозвана и удалена.
apply-accepted = Вы приняли место. Ваши курсы — ниже.
apply-declined = Вы отказались от места.
apply-status = Статус
apply-what-you-sent = Что вы отправили
apply-sent-at = Отправлено { $when }
apply-no-answer = Нет ответа
apply-withdraw = Отозвать мою заявку
apply-withdraw-hint = Если отозвать заявку, она будет удалена. Пока идёт приём заявок, можно подать новую.
apply-accept = Принять место
apply-withdraw-confirm-title = Отозвать заявку?
apply-withdraw-confirm-text = Ваша заявка и ваши ответы будут удалены. Пока идёт приём заявок, можно подать новую, но ответы придётся написать заново.
apply-withdraw-yes = Да, отозвать заявку
apply-withdraw-no = Нет, оставить заявку
apply-decline-confirm-title = Отказаться от места?
apply-decline-confirm-text = Ваше место получит кто-то другой, и отменить это нельзя: чтобы участвовать позже, нужно будет подать заявку на другой набор.
apply-decline-yes = Да, отказаться от места
apply-decline-no = Нет, оставить место за мной
apply-decline = Отказаться от места

status-draft = Черновик
status-submitted = Отправлена
status-waitlisted = Лист ожидания
status-rejected = Не отобрана
status-awarded = Место предложено
status-accepted = Место принято
status-declined = Отказ от места
status-draft-explained = Ещё не отправлена.
status-submitted-explained = Вашу заявку рассматривают. О решении вы узнаете здесь, а если указали адрес электронной почты, — ещё и письмом.
status-waitlisted-explained = Вы в листе ожидания. Если место освободится, его могут предложить вам.
status-rejected-explained = В этот раз мы не смогли предложить вам место. Спасибо за заявку.
status-awarded-explained = Вам предложено место. Курсы программы уже открыты для вас, можно начинать. Примите место, чтобы сохранить его; если откажетесь, оно перейдёт к другому человеку.
status-accepted-explained = Вы стипендиат(ка) этой программы. Ваши курсы:
status-declined-explained = Вы отказались от места.

## Рецензирование

review-title = Рецензирование
review-lead = Заявки, назначенные вам. Оцените каждый критерий от 1 (слабо) до 5 (сильно). Если вы знаете человека, подавшего заявку, сообщите о конфликте интересов: тогда заявка исчезнет из вашего списка.
review-none = Нет заявок, ожидающих вашей рецензии.
review-progress = Оценено { $done } из { $count }
review-application = Заявка
review-state = Рецензия
review-done = Оценено
review-to-do = Ждёт оценки
review-applicant = Автор(ка) заявки
review-blind = Анонимное рецензирование: личность человека, подавшего заявку, скрыта.
review-score-heading = Ваша рецензия
review-score-intro = 1 — слабо, 5 — сильно. Рецензию можно изменить позже.
review-weight = вес { $weight }
review-comment = Комментарий
review-comment-hint = Для других рецензентов и администраторов; человек, подавший заявку, его не видит.
review-save = Сохранить рецензию
review-saved-next = Ваша рецензия сохранена. Это следующая заявка, которая ждёт вашей рецензии.
review-saved-all = Ваша рецензия сохранена. Больше ни одна заявка не ждёт вашей рецензии.
review-conflict = Сообщить о конфликте интересов
review-conflict-hint = Если вы знаете этого человека или не можете оценить заявку беспристрастно, скажите об этом: заявка исчезнет из вашего списка, а ваша рецензия на неё, если она есть, больше не будет учитываться.
review-conflict-noted = Конфликт интересов зафиксирован; эта заявка убрана из вашего списка.
review-conflict-undo = Отменить: у меня нет конфликта интересов с этой заявкой
error-no-conflict = По этой заявке не заявлен конфликт интересов, отменять нечего.

## Администрирование программ

admin-programmes-title = Программы
admin-programme-new = Новая программа
admin-programme-create = Создать программу
admin-programme-title = Название (на английском)
admin-programme-description = Описание (на английском)
admin-programme-description-hint = Что даёт стипендия, для кого она и что требует. Абзацы разделяйте пустыми строками.
admin-programme-translations = Переводы (не обязательно)
admin-programme-title-uk = Название на украинском
admin-programme-description-uk = Описание на украинском
admin-programme-title-ru = Название на русском
admin-programme-description-ru = Описание на русском
admin-programme-countries = Страны
admin-programme-countries-hint = Двухбуквенные коды через запятую, например UA, MD, KZ. Оставьте пустым, чтобы принимать заявки из всех стран.
admin-programme-stipend = Сумма стипендии на одного человека
admin-programme-stipend-hint = Не обязательно; видят только администраторы.
admin-programme-currency = Валюта
admin-programme-opens = Начало приёма заявок
admin-programme-closes = Окончание приёма заявок
admin-programme-utc = Дата и время по UTC.
admin-programme-criteria = Критерии оценки
admin-criteria-example = Потребность | 2
    Опыт | 1
    Мотивация | 1
admin-programme-questions = Дополнительные вопросы
admin-programme-blind = Анонимное рецензирование (рецензенты не видят, кто подал заявку)
admin-dashboard = Сводка
admin-public-page = Публичная страница
admin-seats-held = Занято { $held } из { $seats }
admin-reviewers = Рецензенты
admin-reviewers-none = Рецензентов пока нет.
admin-reviewer-handle = Добавить рецензента по псевдониму
admin-reviewer-hint = Рецензент будет видеть все отправленные заявки, кроме своей.
admin-reviewer-add = Добавить рецензента
admin-ranking = Рейтинг
admin-ranking-intro = Отправленные заявки по среднему значению взвешенных оценок рецензентов (от 1 до 5). Разброс — разница между самой высокой и самой низкой оценкой рецензентов: большой разброс означает, что рецензенты расходятся во мнениях.
admin-ranking-none = Ещё ни одна заявка не отправлена.
admin-select = Выбрать
admin-score = Балл
admin-reviews = Рецензии
admin-reviews-none = Рецензий пока нет.
admin-spread = Разброс
admin-conflicts = { $count ->
    [one] ({ $count } конфликт интересов)
    [few] ({ $count } конфликта интересов)
    [many] ({ $count } конфликтов интересов)
   *[other] ({ $count } конфликта интересов)
}
admin-conflict-declared = Заявлен конфликт интересов
admin-decide-selected = Решение по выбранным заявкам
admin-decide = Принять решение
admin-decision = Решение
decision-award = Предоставить место
decision-waitlist = В лист ожидания
decision-reject = Отклонить
admin-promote = Предложить свободное место следующему человеку в листе ожидания
admin-enrol = Зачислить стипендиатов из файла
admin-enrol-intro = Вставьте CSV с псевдонимами, по одному на строку (можно добавить строку заголовка «handle»). Сначала проверьте файл: никого не зачислят, пока в нём есть хоть одна ошибка.
admin-enrol-csv = Псевдонимы
admin-enrol-csv-hint = Читается только первый столбец.
admin-enrol-check = Проверить файл
admin-enrol-go = Зачислить
admin-enrol-would = { $count ->
    [one] Файл без ошибок: будет зачислен { $count } человек.
    [few] Файл без ошибок: будут зачислены { $count } человека.
    [many] Файл без ошибок: будут зачислены { $count } человек.
   *[other] Файл без ошибок: будут зачислены { $count } человека.
}
admin-enrol-done = { $count ->
    [one] На курсы программы зачислен { $count } человек.
    [few] На курсы программы зачислены { $count } человека.
    [many] На курсы программы зачислены { $count } человек.
   *[other] На курсы программы зачислены { $count } человека.
}
admin-enrol-errors = { $count ->
    [one] { $count } проблема; никто не зачислен:
    [few] { $count } проблемы; никто не зачислен:
    [many] { $count } проблем; никто не зачислен:
   *[other] { $count } проблемы; никто не зачислен:
}
admin-enrol-row = Строка { $row }
admin-done-created = Программа создана. Теперь добавьте рецензентов.
admin-done-reviewer = Рецензент добавлен.
admin-done-decided = Решение сохранено; авторам заявок отправлены уведомления.
admin-done-promoted = Свободное место предложено следующему человеку в листе ожидания.
admin-done-reminded = Напоминание уже в пути.
admin-done-no-address = У этого человека нет адреса электронной почты: напоминание ждёт в его уведомлениях на Pravo и будет видно при следующем входе. Чтобы связаться быстрее, используйте другой способ.
phase-upcoming = Ещё не открыто
phase-open = Открыто
phase-closed = Закрыто
admin-report-csv = Отчёт для донора (CSV)
admin-cohort-csv = Прогресс потока (CSV)
admin-applications = Заявки
admin-drafts = { $count ->
    [one] и ещё { $count } черновик
    [few] и ещё { $count } черновика
    [many] и ещё { $count } черновиков
   *[other] и ещё { $count } черновика
}
admin-awards = Занятые места
admin-award-rate = Доля предоставленных мест
admin-cohort = Поток
admin-cohort-none = В потоке пока нет стипендиатов.
admin-completed = Завершили все курсы
admin-certificates = Выдано сертификатов
admin-at-risk = Требуют внимания
admin-stipends = Назначенные стипендии
admin-by-status = Заявки по статусу
admin-by-country = Заявки по странам
admin-count = Количество
admin-progress-bands = Стипендиаты по прогрессу в курсах (%)
admin-at-risk-rule = Стипендиат(ка) требует внимания, если { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
} подряд нет активности или если прогресс более чем на 10 пунктов отстаёт от доли уже прошедшего времени до крайнего срока.
admin-modules = Модули
admin-quiz-best = Тесты (лучший результат)
admin-last-activity = Последняя активность
admin-risk = Требует внимания
admin-risk-quiet = Без активности
admin-risk-behind = Отстаёт
admin-remind = Напомнить
admin-no-address = Нет почты
admin-pages = Страницы
admin-previous = Предыдущая
admin-next = Следующая
admin-page-of = Страница { $page } из { $pages }
programmes-to-review = { $count ->
    [one] Вам назначена { $count } заявка для рецензирования.
    [few] Вам назначены { $count } заявки для рецензирования.
    [many] Вам назначено { $count } заявок для рецензирования.
   *[other] Вам назначено { $count } заявки для рецензирования.
}
programme-window-range = { $opens } – { $closes }

## Записи журнала аудита

audit-action-programme-create = Программа создана
audit-action-programme-reviewer = Добавлен(а) как рецензент
audit-action-application-decision = Решение по заявке: { $status }
audit-action-application-answer = Ответ на предложенное место: { $status }
audit-action-application-withdraw = Заявка отозвана
audit-action-programme-enrol-csv = Стипендиаты зачислены из файла

admin-programme-edit = Редактировать программу
admin-programme-save = Сохранить изменения
admin-done-updated = Программа обновлена.
admin-none-selected = Сначала отметьте хотя бы одну заявку.
error-seats-below-held = Уже занято мест: { $held }. Число мест не может быть меньше.
error-rubric-locked = Рецензии уже есть: критерии можно переименовать или изменить их вес, но не добавить или убрать.
error-questions-locked = Заявки уже поданы: вопросы можно переформулировать, но не добавить, убрать или изменить их тип или варианты.
audit-action-programme-update = Программа изменена
error-track-locked = В потоке уже есть стипендиаты: курсы программы больше нельзя изменить.
admin-reviewer-remove = Убрать
admin-reviewer-remove-who = Убрать { $handle } из рецензентов
admin-reviewer-remove-hint = Убранный рецензент больше не видит заявок; рецензии, которые он уже написал, по-прежнему учитываются.
admin-done-reviewer-removed = Рецензент убран.
audit-action-programme-reviewer-removed = Убран(а) из рецензентов
error-question-choice-translations = Строка { $row }: перевод вариантов должен содержать столько же вариантов, сколько их в вопросе.
admin-promote-named = Предложить свободное место: { $handle }, следующий человек в листе ожидания
admin-done-promoted-named = Свободное место предложено: { $handle }, следующий человек в листе ожидания.

## Черновики решений
admin-drafted = черновик, ещё не опубликован
admin-decide-drafts-hint = Решения здесь сохраняются как черновики: никто не получит уведомления и не будет зачислен, пока вы не опубликуете их ниже все вместе.
admin-done-drafted = Черновик сохранён. Никто не узнает о решении, пока вы его не опубликуете.
admin-drafts-heading = { $count ->
    [one] { $count } черновик решения
    [few] { $count } черновика решений
   *[other] { $count } черновиков решений
}
admin-drafts-seats = После публикации будет занято мест: { $held } из { $seats }.
admin-publish = { $count ->
    [one] Опубликовать { $count } решение и уведомить авторов заявок
    [few] Опубликовать { $count } решения и уведомить авторов заявок
   *[other] Опубликовать { $count } решений и уведомить авторов заявок
}
admin-done-published = { $count ->
    [one] Опубликовано { $count } решение; авторы заявок получили уведомления.
    [few] Опубликовано { $count } решения; авторы заявок получили уведомления.
   *[other] Опубликовано { $count } решений; авторы заявок получили уведомления.
}
error-publish-seats = Черновики займут больше мест, чем есть ({ $seats }): измените часть из них перед публикацией. Ничего не опубликовано.
apply-autosave-kept = Нет связи: черновик хранится на этом устройстве и сохранится, когда связь вернётся.
apply-device-draft = На этом устройстве хранится черновик, набранный без связи; он ещё не сохранён.
apply-device-draft-use = Вернуть его в форму
apply-device-draft-discard = Удалить его
offer-answer-by = Пожалуйста, ответьте до { $when }.
offer-answer-by-hint = Пока вы не ответили, место за вами. После этой даты программа может предложить его другому человеку.
admin-offer-overdue = (ответа нет; срок для ответа истёк { $when })
admin-programme-offer-days = Сколько дней даётся на ответ о предложенном месте
admin-programme-offer-days-hint = Считается с момента, когда решение дошло до заявительницы. После этого можно предложить место следующему человеку.
review-hidden-blind = Скрыто на время слепого рецензирования.
admin-drafted-for = Черновик решения сохранён для: { $names }. Никто не узнает о решении, пока вы его не опубликуете.
admin-not-drafted = Черновик не сохранён: { $names }
admin-rows-not-saved = Форма изменилась; ничего не сохранено, пока вы не нажмёте кнопку в конце.
admin-rows-see = К изменённой строке
admin-criteria-rows-hint = Рецензенты оценивают каждый критерий от 1 до 5; вес критерия (от 1 до 100) показывает, насколько он важен в рейтинге.
admin-criterion-n = Критерий { $n }
admin-criterion-name = Название на английском
admin-criterion-weight = Вес (от 1 до 100)
admin-criterion-description = Что оценивается, на английском
admin-criterion-description-hint = Необязательно; рецензенты видят это рядом с оценками: на что смотреть и что означают 1 и 5.
admin-criterion-add = Добавить критерий
admin-row-remove = Удалить
admin-row-up = Выше
admin-questions-rows-hint = Заявители отвечают на эти вопросы помимо страны, опыта и мотивации. Если перевод пуст, на этом языке показывается английский текст.
admin-questions-none = Дополнительных вопросов пока нет.
admin-question-n = Вопрос { $n }
admin-question-label = Вопрос на английском
admin-question-label-uk = На украинском
admin-question-label-ru = На русском
admin-question-kind = Вид ответа
admin-question-short = Короткий (одна строка)
admin-question-long = Развёрнутый (абзацы)
admin-question-single = Один вариант из списка
admin-question-required = Ответ обязателен
admin-question-reviewers-see = Рецензенты видят ответы при слепом рецензировании (отметьте, только если ответ не может выдать, кто подал заявку)
admin-question-choices = Варианты, по одному в строке
admin-question-choices-hint = Только для «Один вариант из списка».
admin-question-choices-uk = Варианты на украинском, в том же порядке
admin-question-choices-ru = Варианты на русском, в том же порядке
admin-question-add = Добавить вопрос
admin-terms-as-saved = Что оценивают рецензенты и на что отвечают заявители (как сохранено)
