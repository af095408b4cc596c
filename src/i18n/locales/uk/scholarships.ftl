## Стипендійні програми: помилки

error-required = Будь ласка, заповніть це поле.
error-choice = Оберіть один із запропонованих варіантів.
error-country = «{ $value }» — не дволітерний код країни (ISO 3166-1), як-от UA чи KZ.
error-country-not-eligible = Ця програма не приймає заявок із цієї країни.
error-number-range = Ціле число від { $min } до { $max }, будь ласка.
error-amount = Сума від 0 і більше, будь ласка.
error-currency = Трилітерний код валюти, як-от EUR чи USD.
error-date = Дата на кшталт 2027-03-01, будь ласка.
error-closes-before-opens = Прийом заявок має закриватися пізніше, ніж відкривається.
error-deadline-before-close = Термін завершення має бути пізніше за закриття прийому заявок.
error-course-unknown = Немає курсу з такою адресою: { $slugs }.
error-criterion-name = Рядок { $row }: кожен критерій потребує назви.
error-criterion-weight = Рядок { $row }: вага — ціле число від 1 до 100.
error-question-label = Рядок { $row }: кожне питання потребує формулювання (не більше 300 символів).
error-question-kind = Рядок { $row }: тип — short, long або single.
error-question-choices = Рядок { $row }: питанню з одним вибором потрібно щонайменше два варіанти.
error-question-unknown = У цій програмі немає такого питання.
error-language = Тексти можна подати мовами en, ru та uk.
error-consent = Будь ласка, підтвердьте згоду з тим, як будуть використані ваші відповіді.
error-window-closed = Прийом заявок на цю програму зараз не відкритий.
error-already-submitted = Вашу заявку вже надіслано.
error-withdraw-awarded = Надане місце не можна відкликати як заявку; відмовтеся від нього.
error-score-1-5 = Оцінка від 1 до 5.
error-criterion-unknown = У цій програмі немає такого критерію.
error-application-answered = На цю пропозицію вже відповіли (місце прийнято або відхилено); рішення більше не можна змінити.
error-not-submitted = Цю заявку ще не надіслано.
error-seats-full = Усі { $seats } місця зайняті. Звільніть одне (відмова або скасоване рішення), перш ніж надати ще одне.
error-reviewer-applicant = { $handle } подає заявку на цей конкурс і тому не може його рецензувати: рецензент читає чужі заявки. Виберіть іншого рецензента.
error-waitlist-empty = У списку очікування нікого немає.
error-no-award = Немає наданого місця, на яке можна відповісти.
error-decision = Рішення: award, waitlist або reject.
error-csv-encoding = Файл має бути текстом у кодуванні UTF-8.
csv-duplicate = Той самий псевдонім, що й у рядку { $row }.
csv-unknown-handle = Немає облікового запису з псевдонімом «{ $handle }».
csv-empty = У файлі немає жодного псевдоніма.

## Лист (ні тема, ні текст не називають програму чи її тему)

mail-subject-application = Новини щодо вашої заявки
mail-application-received = Ми отримали вашу заявку. Прочитати надіслане та стежити за її статусом можна тут:
mail-application-awarded = Гарна новина: вам пропонують місце. Будь ласка, прийміть його або відмовтеся тут:
mail-application-waitlisted = Вашу заявку внесено до списку очікування. Якщо звільниться місце, ми вам напишемо. Статус заявки тут:
mail-application-rejected = На жаль, цього разу ми не можемо запропонувати вам місце. Дякуємо за заявку. Її статус тут:
mail-nudge = Команда програми хоче дізнатися, як у вас справи. Коли будете готові, ваші курси чекають на вас тут:

## Країни, які сторінки знають на ім'я

country-am = Вірменія
country-az = Азербайджан
country-by = Білорусь
country-ee = Естонія
country-ge = Грузія
country-kg = Киргизстан
country-kz = Казахстан
country-lt = Литва
country-lv = Латвія
country-md = Молдова
country-ru = Росія
country-tj = Таджикистан
country-tm = Туркменістан
country-ua = Україна
country-uz = Узбекистан

## Навігація

nav-programmes = Стипендії
nav-review = Рецензії
nav-admin-programmes = Програми

## Програми та подання заявок

programmes-title = Стипендії
programmes-lead = Стипендійні програми навчають активісток і активістів документувати порушення прав людини та домагатися реагування на них. Подавайте заявку, поки триває прийом.
programmes-mine = Ваші заявки
programmes-open = Відкритий прийом заявок
programmes-none = Зараз немає програм із відкритим прийомом заявок.
programmes-manage = Керувати програмами
programme-window = Прийом заявок: з { $opens } до { $closes }
programme-seats = { $count ->
    [one] { $count } місце
    [few] { $count } місця
    [many] { $count } місць
   *[other] { $count } місця
}
programme-applications = Заявки
programme-places = Місця
programme-deadline = Завершити курси до
programme-countries = Країни, з яких приймаються заявки
programme-track = Курси програми
form-optional = (не обов’язково)
apply-heading = Ваша заявка
apply-intro = Кнопка «Зберегти чернетку» зберігає відповіді, щоб ви могли повернутися й закінчити; нічого не надсилається, доки ви не натиснете «Надіслати заявку».
apply-autosave-on = Крім того, поки ви пишете, відповіді зберігаються як чернетка й не зникнуть, якщо обірветься з’єднання.
apply-sign-in = Увійдіть, щоб подати заявку
apply-closed = Зараз прийом заявок закрито.
apply-organisation = Організація
apply-country = Країна
apply-country-hint = Дволітерний код, як-от UA, KZ чи MD.
apply-experience = Ваш досвід
apply-experience-hint = Що ви вже робили: аутріч, документування, адвокація? Кількох речень достатньо.
apply-motivation = Чому ви хочете взяти участь?
apply-motivation-hint = Що ви хотіли б робити з тим, чого навчитеся?
apply-consent-heading = Як використовуються ваші відповіді
apply-consent-text = Ваші відповіді читають лише адміністратори програми та призначені ними рецензенти, щоб обрати стипендіатів. Більше нікому вони не передаються. Ви будь-коли можете прочитати надіслане, а поки триває прийом заявок — відкликати заявку: тоді її буде видалено.
apply-consent-blind = Рецензенти не бачать вашого псевдоніма й адреси електронної пошти.
apply-consent = Даю згоду на таке використання моїх відповідей.
apply-autosaved = Чернетку збережено.
apply-autosave-failed = Зараз не вдалося зберегти чернетку, але ваш текст нікуди не зник. Коли з’єднання відновиться, натисніть «Зберегти чернетку».
apply-send = Надіслати заявку
apply-save = Зберегти чернетку
apply-draft-saved = Чернетку збережено. Ви можете повернутися й завершити її, поки триває прийом заявок.
apply-sent = Вашу заявку надіслано. Дякуємо! Її статус ви знайдете на цій сторінці.
apply-withdrawn = Вашу заявку відкликано й видалено.
apply-accepted = Ви прийняли місце. Ваші курси — нижче.
apply-declined = Ви відмовилися від місця.
apply-status = Статус
apply-what-you-sent = Що ви надіслали
apply-sent-at = Надіслано { $when }
apply-no-answer = Без відповіді
apply-withdraw = Відкликати мою заявку
apply-withdraw-hint = Якщо відкликати заявку, її буде видалено. Поки триває прийом заявок, можна подати нову.
apply-accept = Прийняти місце
apply-withdraw-confirm-title = Відкликати заявку?
apply-withdraw-confirm-text = Вашу заявку та ваші відповіді буде видалено. Поки триває прийом заявок, можна подати нову, але відповіді доведеться написати знову.
apply-withdraw-yes = Так, відкликати заявку
apply-withdraw-no = Ні, залишити заявку
apply-decline-confirm-title = Відмовитися від місця?
apply-decline-confirm-text = Ваше місце отримає хтось інший, і скасувати це не можна: щоб узяти участь пізніше, доведеться подати заявку на інший набір.
apply-decline-yes = Так, відмовитися від місця
apply-decline-no = Ні, залишити місце за мною
apply-decline = Відмовитися від місця

status-draft = Чернетка
status-submitted = Надіслано
status-waitlisted = Список очікування
status-rejected = Не відібрано
status-awarded = Місце запропоновано
status-accepted = Місце прийнято
status-declined = Відмова від місця
status-draft-explained = Ще не надіслано.
status-submitted-explained = Вашу заявку розглядають. Про рішення ви дізнаєтеся тут, а якщо вказали адресу електронної пошти, — ще й листом.
status-waitlisted-explained = Ви в списку очікування. Якщо звільниться місце, його можуть запропонувати вам.
status-rejected-explained = Цього разу ми не змогли запропонувати вам місце. Дякуємо за заявку.
status-awarded-explained = Вам запропоновано місце. Курси програми вже відкриті для вас, можна починати. Прийміть місце, щоб зберегти його; якщо відмовитеся, воно перейде до іншої людини.
status-accepted-explained = Ви стипендіат(ка) цієї програми. Ваші курси:
status-declined-explained = Ви відмовилися від місця.

## Рецензування

review-title = Рецензування
review-lead = Заявки, призначені вам. Оцініть кожен критерій від 1 (слабко) до 5 (сильно). Якщо ви знаєте людину, яка подала заявку, повідомте про конфлікт інтересів: тоді заявка зникне з вашого списку.
review-none = Немає заявок, що чекають на вашу рецензію.
review-progress = Оцінено { $done } з { $count }
review-application = Заявка
review-state = Рецензія
review-done = Оцінено
review-to-do = Чекає на оцінку
review-applicant = Автор(ка) заявки
review-blind = Анонімне рецензування: особу людини, яка подала заявку, приховано.
review-score-heading = Ваша рецензія
review-score-intro = 1 — слабко, 5 — сильно. Рецензію можна змінити пізніше.
review-weight = вага { $weight }
review-comment = Коментар
review-comment-hint = Для інших рецензентів і адміністраторів; людина, яка подала заявку, його не бачить.
review-save = Зберегти рецензію
review-saved-next = Вашу рецензію збережено. Це наступна заявка, яка чекає на вашу рецензію.
review-saved-all = Вашу рецензію збережено. Більше жодна заявка не чекає на вашу рецензію.
review-conflict = Повідомити про конфлікт інтересів
review-conflict-hint = Якщо ви знаєте цю людину або не можете оцінити заявку неупереджено, скажіть про це: заявка зникне з вашого списку, а ваша рецензія на неї, якщо вона є, більше не враховуватиметься.
review-conflict-noted = Конфлікт інтересів зафіксовано; цю заявку прибрано з вашого списку.
review-conflict-undo = Скасувати: у мене немає конфлікту інтересів із цією заявкою
error-no-conflict = Щодо цієї заявки не заявлено конфлікту інтересів, скасовувати нічого.

## Адміністрування програм

admin-programmes-title = Програми
admin-programme-new = Нова програма
admin-programme-create = Створити програму
admin-programme-title = Назва (англійською)
admin-programme-description = Опис (англійською)
admin-programme-description-hint = Що дає стипендія, для кого вона і чого вимагає. Абзаци розділяйте порожніми рядками.
admin-programme-translations = Переклади (не обов’язково)
admin-programme-title-uk = Назва українською
admin-programme-description-uk = Опис українською
admin-programme-title-ru = Назва російською
admin-programme-description-ru = Опис російською
admin-programme-countries = Країни
admin-programme-countries-hint = Дволітерні коди через кому, як-от UA, MD, KZ. Залиште порожнім, щоб приймати заявки з усіх країн.
admin-programme-stipend = Сума стипендії на одну особу
admin-programme-stipend-hint = Не обов’язково; бачать лише адміністратори.
admin-programme-currency = Валюта
admin-programme-opens = Початок прийому заявок
admin-programme-closes = Кінець прийому заявок
admin-programme-utc = Дата й час за UTC.
admin-programme-criteria = Критерії оцінювання
admin-criteria-example = Потреба | 2
    Досвід | 1
    Мотивація | 1
admin-programme-questions = Додаткові питання
admin-programme-blind = Анонімне рецензування (рецензенти не бачать, хто подав заявку)
admin-dashboard = Зведення
admin-public-page = Публічна сторінка
admin-seats-held = Зайнято { $held } з { $seats }
admin-reviewers = Рецензенти
admin-reviewers-none = Рецензентів поки немає.
admin-reviewer-handle = Додати рецензента за псевдонімом
admin-reviewer-hint = Рецензент бачитиме всі надіслані заявки, крім власної.
admin-reviewer-add = Додати рецензента
admin-ranking = Рейтинг
admin-ranking-intro = Надіслані заявки за середнім значенням зважених оцінок рецензентів (від 1 до 5). Розкид — різниця між найвищою й найнижчою оцінками рецензентів: великий розкид означає, що рецензенти розходяться в думках.
admin-ranking-none = Ще жодної заявки не надіслано.
admin-select = Вибрати
admin-score = Бал
admin-reviews = Рецензії
admin-reviews-none = Рецензій поки немає.
admin-spread = Розкид
admin-conflicts = { $count ->
    [one] ({ $count } конфлікт інтересів)
    [few] ({ $count } конфлікти інтересів)
    [many] ({ $count } конфліктів інтересів)
   *[other] ({ $count } конфлікту інтересів)
}
admin-conflict-declared = Заявлено конфлікт інтересів
admin-decide-selected = Рішення щодо вибраних заявок
admin-decide = Ухвалити рішення
admin-decision = Рішення
decision-award = Надати місце
decision-waitlist = До списку очікування
decision-reject = Відхилити
admin-promote = Запропонувати вільне місце наступній людині в списку очікування
admin-enrol = Зарахувати стипендіатів із файлу
admin-enrol-intro = Вставте CSV із псевдонімами, по одному на рядок (можна додати рядок заголовка «handle»). Спершу перевірте файл: нікого не зарахують, поки в ньому є хоч одна помилка.
admin-enrol-csv = Псевдоніми
admin-enrol-csv-hint = Читається лише перший стовпець.
admin-enrol-check = Перевірити файл
admin-enrol-go = Зарахувати
admin-enrol-would = { $count ->
    [one] Файл без помилок: буде зараховано { $count } особу.
    [few] Файл без помилок: буде зараховано { $count } особи.
    [many] Файл без помилок: буде зараховано { $count } осіб.
   *[other] Файл без помилок: буде зараховано { $count } особи.
}
admin-enrol-done = { $count ->
    [one] На курси програми зараховано { $count } особу.
    [few] На курси програми зараховано { $count } особи.
    [many] На курси програми зараховано { $count } осіб.
   *[other] На курси програми зараховано { $count } особи.
}
admin-enrol-errors = { $count ->
    [one] { $count } проблема; нікого не зараховано:
    [few] { $count } проблеми; нікого не зараховано:
    [many] { $count } проблем; нікого не зараховано:
   *[other] { $count } проблеми; нікого не зараховано:
}
admin-enrol-row = Рядок { $row }
admin-done-created = Програму створено. Тепер додайте рецензентів.
admin-done-reviewer = Рецензента додано.
admin-done-decided = Рішення збережено; авторам заявок надіслано повідомлення.
admin-done-promoted = Вільне місце запропоновано наступній людині в списку очікування.
admin-done-reminded = Нагадування вже в дорозі.
admin-done-no-address = У цієї людини немає адреси електронної пошти: нагадування чекає в її сповіщеннях на Pravo і буде видно під час наступного входу. Щоб зв’язатися швидше, скористайтеся іншим способом.
phase-upcoming = Ще не відкрито
phase-open = Відкрито
phase-closed = Закрито
admin-report-csv = Звіт для донора (CSV)
admin-cohort-csv = Прогрес потоку (CSV)
admin-applications = Заявки
admin-drafts = { $count ->
    [one] і ще { $count } чернетка
    [few] і ще { $count } чернетки
    [many] і ще { $count } чернеток
   *[other] і ще { $count } чернетки
}
admin-awards = Зайняті місця
admin-award-rate = Частка наданих місць
admin-cohort = Потік
admin-cohort-none = У потоці ще немає стипендіатів.
admin-completed = Завершили всі курси
admin-certificates = Видано сертифікатів
admin-at-risk = Потребують уваги
admin-stipends = Призначені стипендії
admin-by-status = Заявки за статусом
admin-by-country = Заявки за країнами
admin-count = Кількість
admin-progress-bands = Стипендіати за прогресом у курсах (%)
admin-at-risk-rule = Стипендіат(ка) потребує уваги, якщо { $days ->
    [one] { $days } день
    [few] { $days } дні
    [many] { $days } днів
   *[other] { $days } дня
} поспіль немає активності або якщо прогрес більш ніж на 10 пунктів відстає від частки часу до кінцевого терміну, що вже минула.
admin-modules = Модулі
admin-quiz-best = Тести (найкращий результат)
admin-last-activity = Остання активність
admin-risk = Потребує уваги
admin-risk-quiet = Без активності
admin-risk-behind = Відстає
admin-remind = Нагадати
admin-no-address = Немає пошти
admin-pages = Сторінки
admin-previous = Попередня
admin-next = Наступна
admin-page-of = Сторінка { $page } з { $pages }
programmes-to-review = { $count ->
    [one] Вам призначено { $count } заявку для рецензування.
    [few] Вам призначено { $count } заявки для рецензування.
    [many] Вам призначено { $count } заявок для рецензування.
   *[other] Вам призначено { $count } заявки для рецензування.
}
programme-window-range = { $opens } – { $closes }

## Записи журналу аудиту

audit-action-programme-create = Програму створено
audit-action-programme-reviewer = Додано як рецензента
audit-action-application-decision = Рішення щодо заявки: { $status }
audit-action-application-answer = Відповідь на запропоноване місце: { $status }
audit-action-application-withdraw = Заявку відкликано
audit-action-programme-enrol-csv = Стипендіатів зараховано з файлу

admin-programme-edit = Редагувати програму
admin-programme-save = Зберегти зміни
admin-done-updated = Програму оновлено.
admin-none-selected = Спершу позначте хоча б одну заявку.
error-seats-below-held = Уже зайнято місць: { $held }. Кількість місць не може бути меншою.
error-rubric-locked = Рецензії вже є: критерії можна перейменувати чи змінити їхню вагу, але не додати чи вилучити.
error-questions-locked = Заявки вже подано: питання можна переформулювати, але не додати, вилучити чи змінити їхній тип або варіанти.
audit-action-programme-update = Програму змінено
error-track-locked = У потоці вже є стипендіати: курси програми більше не можна змінити.
admin-reviewer-remove = Вилучити
admin-reviewer-remove-who = Вилучити { $handle } з рецензентів
admin-reviewer-remove-hint = Вилучений рецензент більше не бачить заявок; рецензії, які він уже написав, і далі враховуються.
admin-done-reviewer-removed = Рецензента вилучено.
audit-action-programme-reviewer-removed = Вилучено з рецензентів
error-question-choice-translations = Рядок { $row }: переклад варіантів має містити стільки ж варіантів, скільки їх у питанні.
admin-promote-named = Запропонувати вільне місце: { $handle }, наступна людина в списку очікування
admin-done-promoted-named = Вільне місце запропоновано: { $handle }, наступна людина в списку очікування.

## Чернетки рішень
admin-drafted = чернетка, ще не опублікована
admin-decide-drafts-hint = Рішення тут зберігаються як чернетки: ніхто не отримає повідомлення й не буде зарахований, доки ви не опублікуєте їх нижче всі разом.
admin-done-drafted = Чернетку збережено. Ніхто не дізнається про рішення, доки ви його не опублікуєте.
admin-drafts-heading = { $count ->
    [one] { $count } чернетка рішення
    [few] { $count } чернетки рішень
   *[other] { $count } чернеток рішень
}
admin-drafts-seats = Після публікації буде зайнято місць: { $held } з { $seats }.
admin-publish = { $count ->
    [one] Опублікувати { $count } рішення та повідомити авторів заявок
    [few] Опублікувати { $count } рішення та повідомити авторів заявок
   *[other] Опублікувати { $count } рішень та повідомити авторів заявок
}
admin-done-published = { $count ->
    [one] Опубліковано { $count } рішення; автори заявок отримали повідомлення.
    [few] Опубліковано { $count } рішення; автори заявок отримали повідомлення.
   *[other] Опубліковано { $count } рішень; автори заявок отримали повідомлення.
}
error-publish-seats = Чернетки займуть більше місць, ніж є ({ $seats }): змініть частину з них перед публікацією. Нічого не опубліковано.
apply-autosave-kept = Немає з’єднання: чернетка зберігається на цьому пристрої й збережеться, коли з’єднання повернеться.
apply-device-draft = На цьому пристрої зберігається чернетка, набрана без з’єднання; її ще не збережено.
apply-device-draft-use = Повернути її у форму
apply-device-draft-discard = Видалити її
offer-answer-by = Будь ласка, дайте відповідь до { $when }.
offer-answer-by-hint = Поки ви не відповіли, місце за вами. Після цієї дати програма може запропонувати його іншій людині.
admin-offer-overdue = (відповіді немає; строк для відповіді минув { $when })
admin-programme-offer-days = Скільки днів дається на відповідь щодо запропонованого місця
admin-programme-offer-days-hint = Рахується від моменту, коли рішення дійшло до заявниці. Після цього можна запропонувати місце наступній людині.
review-hidden-blind = Приховано на час сліпого рецензування.
admin-drafted-for = Чернетку рішення збережено для: { $names }. Ніхто не дізнається про рішення, доки ви його не опублікуєте.
admin-not-drafted = Чернетку не збережено: { $names }
admin-rows-not-saved = Форма змінилася; нічого не збережено, доки ви не натиснете кнопку в кінці.
admin-rows-see = До зміненого рядка
admin-criteria-rows-hint = Рецензенти оцінюють кожен критерій від 1 до 5; вага критерію (від 1 до 100) показує, наскільки він важить у рейтингу.
admin-criterion-n = Критерій { $n }
admin-criterion-name = Назва англійською
admin-criterion-weight = Вага (від 1 до 100)
admin-criterion-description = Що оцінюється, англійською
admin-criterion-description-hint = Необов’язково; рецензенти бачать це поруч з оцінками: на що дивитися і що означають 1 та 5.
admin-criterion-add = Додати критерій
admin-row-remove = Видалити
admin-row-up = Вище
admin-questions-rows-hint = Заявники відповідають на ці питання, крім країни, досвіду й мотивації. Якщо переклад порожній, цією мовою показується англійський текст.
admin-questions-none = Додаткових питань поки немає.
admin-question-n = Питання { $n }
admin-question-label = Питання англійською
admin-question-label-uk = Українською
admin-question-label-ru = Російською
admin-question-kind = Вид відповіді
admin-question-short = Коротка (один рядок)
admin-question-long = Розгорнута (абзаци)
admin-question-single = Один варіант зі списку
admin-question-required = Відповідь обов’язкова
admin-question-reviewers-see = Рецензенти бачать відповіді під час сліпого рецензування (позначте, лише якщо відповідь не може видати, хто подав заявку)
admin-question-choices = Варіанти, по одному в рядку
admin-question-choices-hint = Лише для «Один варіант зі списку».
admin-question-choices-uk = Варіанти українською, в тому самому порядку
admin-question-choices-ru = Варіанти російською, в тому самому порядку
admin-question-add = Додати питання
admin-terms-as-saved = Що оцінюють рецензенти і на що відповідають заявники (як збережено)
