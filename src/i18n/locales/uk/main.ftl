## Shell
language-name = Українська
language-switch-label = Мова
skip-to-content = Перейти до змісту
nav-label = Головне меню
nav-home = Головна
nav-sign-in = Увійти
nav-register = Створити обліковий запис
nav-account = Обліковий запис
nav-admin-users = Користувачі
nav-admin = Керування
admin-hub-programmes = Стипендійні конкурси: заявки, рецензенти, рейтинг і рішення, групи та звіти для донорів.
admin-hub-users = Облікові записи: створити, знайти за псевдонімом, змінити роль, видалити.
admin-hub-audit = Хто що змінив і коли — у журналі, записи якого не можна непомітно змінити.
admin-hub-outbox = Листи в черзі, надіслані й невдалі; повторне надсилання.
nav-admin-audit = Журнал аудиту
nav-sign-out = Вийти
footer-privacy = Pravo не питає справжнього імені, телефону чи адреси й нічого не завантажує з інших сайтів.
footer-signed-in-as = Ви увійшли як
list-next = Наступна сторінка

## Dates
date-long = { $day } { $month } { $year } р.
month-genitive-1 = січня
month-genitive-2 = лютого
month-genitive-3 = березня
month-genitive-4 = квітня
month-genitive-5 = травня
month-genitive-6 = червня
month-genitive-7 = липня
month-genitive-8 = серпня
month-genitive-9 = вересня
month-genitive-10 = жовтня
month-genitive-11 = листопада
month-genitive-12 = грудня

## Counts
course-count = { $count ->
    [one] { $count } курс
    [few] { $count } курси
    [many] { $count } курсів
   *[other] { $count } курсу
}

## Home
home-title = Вчимося документувати порушення прав людини
home-intro = Pravo — онлайн-клас стипендіальної програми, яка навчає активісток і активістів відстежувати та документувати порушення прав людини, пов’язані з гендерною нерівністю, ВІЛ і наркополітикою, та доносити їх до національних і міжнародних органів.
home-privacy = Брати участь можна під псевдонімом. Електронна пошта не обов’язкова, і нічого з того, що ви тут робите, не передається іншим сайтам.
home-welcome-back = З поверненням, { $handle }.
home-offer = Вам запропоновано місце
home-offer-answer = Відповісти на пропозицію
home-your-courses = Ваші курси
home-no-courses = Ви ще не записалися на жоден курс.
home-see-courses = Переглянути курси
home-your-applications = Ваші заявки

## Forms
form-has-errors = Будь ласка, виправте позначені нижче поля.
field-handle = Псевдонім
field-password = Пароль
field-new-password = Новий пароль
field-current-password = Поточний пароль
field-email-optional = Електронна пошта (не обов’язково)
field-language = Мова
field-recovery-code = Код відновлення
field-certificate-name = Ім’я в сертифікатах (не обов’язково)
handle-hint = Псевдонім вітається: від 3 до 32 літер, цифр, крапок, дефісів або підкреслень.
password-hint = Від { $min } до { $max } символів. Кілька не пов’язаних між собою слів — надійний пароль.
email-hint = Лише для скидання пароля, сертифікатів і нагадувань (їх можна вимкнути). Без неї ви отримаєте коди відновлення.
certificate-name-hint = Друкується лише у ваших сертифікатах. Залиште порожнім, щоб використати псевдонім.
field-certificates-by-email = Надсилати мені сертифікати електронною поштою
certificates-by-email-hint = Лише якщо вказано адресу пошти. Зніміть позначку, щоб сертифікати були лише тут, для завантаження: тоді жоден лист не розповість, який курс ви пройшли.

## Sign in
login-title = Вхід
login-submit = Увійти
login-no-account = Ще немає облікового запису?
login-keep = Не виходити з облікового запису
login-keep-hint = Лише на власному телефоні чи комп’ютері. Інакше закриття браузера завершить вхід.
login-forgot = Забули пароль?

## Registration
register-title = Створити обліковий запис
register-intro = Потрібні лише псевдонім і пароль.
register-submit = Створити обліковий запис
codes-title = Ваші коди відновлення
codes-intro = Без електронної пошти ці коди — єдиний спосіб повернутися до облікового запису, якщо ви забудете пароль. Кожен код діє один раз.
codes-keep-safe = Запишіть їх або збережіть у надійному місці просто зараз: більше їх не буде показано.
codes-continue = Я зберіг(ла) коди

## Recovery and single-use links
recover-title = Відновлення доступу
recover-intro = Введіть псевдонім, один із кодів відновлення та новий пароль.
recover-submit = Встановити новий пароль
set-password-title = Встановіть пароль
set-password-intro = Оберіть пароль для облікового запису { $handle }.
set-password-submit = Зберегти пароль
setup-title = Перший адміністратор
setup-intro = У цьому Pravo ще немає адміністратора. Оберіть псевдонім і пароль першого.
setup-submit = Створити адміністратора

## Account
account-title = Ваш обліковий запис
account-role = Роль
account-since = З нами від
account-profile = Налаштування
account-save = Зберегти налаштування
account-saved-profile = Налаштування збережено.
account-saved-password = Пароль змінено. На інших пристроях виконано вихід.
account-password = Пароль
account-change-password = Змінити пароль
account-recovery-codes = Коди відновлення
account-codes-left = { $count ->
    [0] У вас не лишилося невикористаних кодів відновлення.
    [one] У вас { $count } невикористаний код відновлення.
    [few] У вас { $count } невикористані коди відновлення.
    [many] У вас { $count } невикористаних кодів відновлення.
   *[other] У вас { $count } невикористаного коду відновлення.
}
account-new-codes = Створити нові коди відновлення
account-sessions = Сеанси
account-sessions-intro = Загубили телефон або входили з чужого комп’ютера? Вийдіть одразу на всіх пристроях.
account-session-days = з { $started }, востаннє { $seen }
account-session-current = цей пристрій
account-session-end = Завершити цей сеанс
account-saved-session = Сеанс завершено: на тому пристрої ви вийшли з облікового запису.
account-logout-all = Вийти на всіх пристроях
role-scholar = Стипендіат(ка)
role-trainer = Тренер(ка)
role-admin = Адміністратор

## Administration
users-title = Користувачі
users-count = { $count ->
    [one] { $count } обліковий запис
    [few] { $count } облікові записи
    [many] { $count } облікових записів
   *[other] { $count } облікового запису
}
users-role-of = Роль { $handle }
users-change-role = Змінити
audit-title = Журнал аудиту
audit-empty = Поки нічого не записано.
audit-when = Коли
audit-who = Хто
audit-what = Що
audit-whom = Кого
audit-operator = оператор сервера
audit-action-role-changed = Роль змінено: { $from } → { $to }
audit-action-user-created = Обліковий запис створено з роллю «{ $role }»
audit-action-user-first-admin = Створено першого адміністратора
audit-action-session-ended = Сеанс завершено
audit-action-password-recovered = Пароль скинуто кодом відновлення

## Errors
error-title-400 = Не вдалося прочитати запит
error-title-401 = Будь ласка, увійдіть
error-title-403 = Немає доступу
error-title-404 = Сторінку не знайдено
error-title-408 = Надто довго
error-title-409 = Зараз це неможливо
error-title-413 = Завеликий обсяг
error-title-422 = Перевірте введені дані
error-title-429 = Забагато спроб
error-title-500 = Щось пішло не так
error-incident = Якщо це повторюється, повідомте адміністратору номер інциденту:
error-home-link = На головну
error-unauthorized = Будь ласка, увійдіть, щоб продовжити.
error-bad-credentials = Неправильний псевдонім або пароль.
error-forbidden = У вас немає прав на цю дію.
error-csrf = Форма застаріла або надіслана з іншого сайту. Поверніться, оновіть сторінку й спробуйте ще раз.
error-not-found = Тут нічого немає. Посилання неправильне або застаріле.
error-payload-too-large = Надіслані дані завеликі.
error-validation-failed = Частину введених даних потрібно виправити.
error-conflict = У поточному стані це неможливо.
error-rate-limited = { $minutes ->
    [one] Забагато спроб. Зачекайте { $minutes } хвилину й спробуйте знову.
    [few] Забагато спроб. Зачекайте { $minutes } хвилини й спробуйте знову.
    [many] Забагато спроб. Зачекайте { $minutes } хвилин і спробуйте знову.
   *[other] Забагато спроб. Зачекайте { $minutes } хвилини й спробуйте знову.
}
error-internal = На нашому боці сталася помилка. Введене вами не втрачено; спробуйте ще раз.
error-bad-form = Не вдалося прочитати форму. Оновіть сторінку й спробуйте ще раз.
error-bad-json = Тіло запиту — некоректний JSON.
error-json-content-type = Надішліть тіло запиту як application/json.
error-last-admin = Останній адміністратор не може втратити цю роль. Спершу призначте адміністратором когось іншого.
error-already-set-up = Адміністратор уже є. Увійдіть до системи.
error-handle-length = Псевдонім має містити від { $min } до { $max } символів.
error-handle-characters = Псевдонім може містити лише літери, цифри, крапки, дефіси та підкреслення.
error-handle-taken = Цей псевдонім зайнятий. Оберіть інший.
error-handle-look-alike = Цей псевдонім надто схожий на вже зайнятий (однакові на вигляд літери з різних абеток вважаються однаковими). Будь ласка, виберіть інший.
error-password-too-short = Пароль має містити щонайменше { $min } символів.
error-password-too-long = Пароль може містити щонайбільше { $max } символів.
error-password-common = Цей пароль — один із найпоширеніших, його легко вгадати. Оберіть інший.
error-password-repetitive = У цьому паролі повторюються ті самі символи. Оберіть пароль, який важче вгадати, наприклад кілька не пов’язаних між собою слів.
error-password-sequential = Цей пароль — послідовність літер або цифр (як 123456…). Оберіть пароль, який важче вгадати.
error-password-keyboard = Цей пароль повторює ряд клавіатури (як йцукен… або qwerty…). Оберіть пароль, який важче вгадати.
error-password-context = Пароль не має містити ваш псевдонім або назву сайту: той, хто їх знає, спробує їх першими.
error-password-wrong = Поточний пароль неправильний.
error-email-invalid = Це не схоже на адресу електронної пошти.
error-locale-unknown = Оберіть англійську, російську або українську.
error-role-unknown = Оберіть роль: стипендіат(ка), тренер(ка) або адміністратор.
error-certificate-name-too-long = Ім’я може містити щонайбільше { $max } символів.
error-recovery-code-wrong = Неправильний псевдонім або код відновлення, або код уже використано.
error-nul = У запиті є символ NUL, якого Pravo не приймає.
error-conflict-retry = Хтось змінив це в ту саму мить. Будь ласка, спробуйте ще раз.
mail-greeting = Вітаємо, { $handle }!
mail-signature = Цей лист надіслано автоматично; відповіді не читаються.
mail-subject-reset = Скидання пароля
mail-reset-intro = Хтось попросив скинути пароль вашого облікового запису. Якщо це були ви, відкрийте це посилання протягом 30 хвилин і оберіть новий пароль:
mail-reset-ignore = Якщо це були не ви, просто проігноруйте лист: нічого не зміниться.
mail-subject-account = Ваш обліковий запис
mail-password-changed = Пароль вашого облікового запису було змінено { $when }.
mail-codes-changed = { $when } для вашого облікового запису було створено нові коди відновлення; старі більше не діють.
mail-email-changed = Адресу електронної пошти вашого облікового запису було змінено { $when }; на цю адресу листи більше не надходитимуть.
mail-not-you = Якщо це були не ви, скиньте пароль просто зараз або попросіть допомоги в адміністраторів програми.
reset-title = Забули пароль?
reset-intro = Введіть псевдонім. Якщо в облікового запису є адреса електронної пошти, ми надішлемо посилання, щоб обрати новий пароль. Без пошти скористайтеся одним із кодів відновлення.
reset-submit = Надіслати посилання
reset-sent = Якщо в облікового запису є адреса електронної пошти, посилання вже в дорозі. Воно діє 30 хвилин.
reset-password-title = Оберіть новий пароль
login-reset-by-email = Скинути через пошту
login-reset-by-code = Ввести код відновлення
error-mail-already-sent = Цей лист уже надіслано.
nav-admin-outbox = Вихідні
outbox-title = Вихідна пошта
outbox-files = SMTP-сервер не задано (SMTP_URL): листи записуються як файли .eml до
outbox-empty = Листів поки немає.
outbox-kind = Вид
outbox-status = Стан
outbox-attempts = Спроби
outbox-next = Наступна спроба
outbox-resend = Надіслати знову
outbox-status-pending = чекає
outbox-status-sent = надіслано
outbox-status-failed = не надіслано
nav-certificates = Сертифікати
cert-title = Ваші сертифікати
cert-none = Коли ви пройдете курс, тут з’явиться сертифікат.
cert-set-name = У сертифікатах друкується ваш псевдонім. Щоб надрукувати інше ім’я, вкажіть його в налаштуваннях облікового запису до завершення курсу.
cert-heading = Сертифікат про проходження курсу
cert-awarded-to = Цим засвідчується, що
cert-for-completing = пройшов(ла) курс
cert-hours = { $count ->
    [one] { $count } година навчання
    [few] { $count } години навчання
    [many] { $count } годин навчання
   *[other] { $count } години навчання
}
cert-date = Видано { $date }
cert-issuer = організацією { $issuer }
cert-verify = Перевірити сертифікат можна тут:
cert-code = Код { $code }
cert-download-pdf = Завантажити PDF
cert-download-credential = Завантажити цифрове посвідчення (.jwt)
cert-hide = Приховати від перевірки
cert-show = Дозволити перевірку
cert-is-public = Будь-хто, хто має код, може його перевірити.
cert-is-hidden = Перевірку вимкнено.
cert-revoked = Цей сертифікат відкликано.
cert-verify-title = Перевірка сертифіката
cert-verify-valid = Сертифікат чинний. Порівняйте його з документом, який вам показали: усі дані мають збігатися.
cert-verify-revoked = Цей сертифікат відкликано { $date }.
cert-verify-hint = Ця сторінка показує саме те, що написано в сертифікаті. Документ, у якому написано щось інше, змінено.
cert-issued-on = Дата видачі
cert-issued-by = Ким видано
mail-subject-certificate = Ваш документ
mail-certificate-intro = Вітаємо! Ваш сертифікат додано до цього листа у форматі PDF.
mail-certificate-verify = Будь-хто, кому ви його покажете, може перевірити його тут:
error-public-required = Вкажіть true або false.
error-certificate-name-characters = Ім’я не може містити розмітку чи керівні символи.

## Reminders
mail-subject-reminder = Повідомлення від { $site }
mail-reminder-intro = { $days ->
    [one] Ваші курси чекають на вас уже { $days } день. Можна продовжити з того місця, де ви зупинилися:
    [few] Ваші курси чекають на вас уже { $days } дні. Можна продовжити з того місця, де ви зупинилися:
   *[other] Ваші курси чекають на вас уже { $days } днів. Можна продовжити з того місця, де ви зупинилися:
}
mail-reminder-opt-out = Щоб більше не отримувати нагадування, відкрийте це посилання (входити не потрібно):
reminders-title = Нагадування поштою
reminders-for = Нагадування для облікового запису { $handle }.
reminders-are-on = Нагадування увімкнено: якщо ви давно не заходили до курсів, ми надсилаємо короткий лист без назви курсу.
reminders-are-off = Нагадування вимкнено: ми їх не надсилаємо.
reminders-turn-off = Вимкнути нагадування
reminders-turn-on = Знову надсилати нагадування
reminders-now-off = Готово: нагадувань більше не буде.
reminders-now-on = Готово: нагадування знову увімкнено.
account-saved-reminders = Налаштування нагадувань збережено.
reminders-need-email = Нагадування надходять поштою: щоб їх отримувати, вкажіть адресу в налаштуваннях вище.

# One message per rule, whichever domain checks it.
error-length-max = Не більше { $max } символів, будь ласка.
error-nesting-too-deep = Цитати або списки вкладені глибше ніж на { $max } рівнів. Будь ласка, спростіть текст.
error-request-timeout = Запит ішов надто довго. Будь ласка, спробуйте ще раз.
email-change-password-hint = Потрібен, лише щоб змінити або видалити адресу пошти. Нова адреса почне працювати, коли ви відкриєте посилання, яке ми на неї надішлемо.
email-pending = Ми надіслали посилання на { $email }. Адреса зміниться, коли ви його відкриєте (протягом 48 годин).
account-saved-email-pending = Збережено. Відкрийте посилання, яке ми надіслали на нову адресу, щоб почати нею користуватися.
account-saved-email-confirmed = Нову адресу пошти підтверджено.
email-confirmed-title = Адресу пошти підтверджено
email-confirmed = Нову адресу пошти підтверджено, і тепер вона використовується для вашого облікового запису.
email-confirm-invalid-title = Це посилання не працює
email-confirm-invalid = Посилання недійсне: ним уже скористалися, минуло понад 48 годин або було надіслано новіше. Щоб отримати нове посилання, змініть адресу ще раз на сторінці облікового запису.
mail-confirm-intro = Хтось (сподіваємося, ви) попросив використовувати цю адресу для облікового запису. Щоб підтвердити її, відкрийте це посилання протягом 48 годин:
mail-confirm-ignore = Якщо це були не ви, просто не зважайте на цей лист: адресу не буде використано.

# The inbox (notices). Titles never name a course or a topic.
nav-inbox = Сповіщення
nav-inbox-unread = { $count ->
    [one] { $count } непрочитане
    [few] { $count } непрочитані
   *[other] { $count } непрочитаних
}
nav-review-waiting = { $count ->
    [one] { $count } заявка чекає на вашу рецензію
    [few] { $count } заявки чекають на вашу рецензію
   *[other] { $count } заявок чекають на вашу рецензію
}
inbox-title = Сповіщення
inbox-empty = Поки нічого нового. Рішення, оцінки відповідей і сертифікати з’являться тут, навіть якщо у вас немає адреси електронної пошти.
inbox-read-all = Позначити всі як прочитані
inbox-unread = (не прочитано)
inbox-privacy = Сповіщення каже лише, що є новина; подробиці — на сторінці, куди воно веде. Будь-хто, у кого в руках ваш телефон, поки ви в системі, може їх прочитати.
notice-title-application-received = Вашу заявку отримано
notice-body-application-received = Ми отримали вашу заявку. Її можна переглянути на сторінці програми.
notice-title-decision = Новини щодо вашої заявки
notice-body-decision = Щодо вашої заявки ухвалено рішення. Відкрийте, щоб прочитати його і, якщо вам запропоновано місце, відповісти.
notice-title-nudge = Повідомлення від команди програми
notice-body-nudge = Команда програми питає, як у вас справи. Відкрийте, щоб побачити свої курси.
notice-title-graded = Результат готовий
notice-body-graded = Тренер оцінив одну з ваших відповідей. Відкрийте, щоб побачити результат і коментар тренера.
notice-title-review-assigned = Заявки на рецензування
notice-body-review-assigned = Вас попросили оцінити заявки. Відкрийте, щоб побачити, що чекає на перевірку.
notice-title-certificate = Сертифікат готовий
notice-body-certificate = Вам видано сертифікат. Відкрийте, щоб завантажити його або поділитися посиланням для перевірки.
notice-title-course-assigned = Курс, який ви ведете
notice-body-course-assigned = Адміністратор додав вас тренером курсу. Відкрийте, щоб побачити курс.
users-create = Створити обліковий запис
users-create-title = Створити обліковий запис
users-create-intro = Для тренера, рецензентки чи стипендіатки, якій не треба реєструватися самій. Ви отримаєте одноразове посилання, щоб передати його; за ним вона сама задасть пароль. Електронна пошта не потрібна.
users-create-submit = Створити обліковий запис
users-created = Обліковий запис { $handle } ({ $role }) створено.
users-created-link = Передайте це посилання власниці особисто або каналом, якому ви довіряєте. Воно працює один раз, три дні; за ним власниця сама задасть пароль.
users-created-link-label = Одноразове посилання для вибору пароля
users-created-once = Посилання показано лише зараз. Якщо його буде втрачено до використання, видаліть обліковий запис і створіть його знову.
users-find = Знайти за псевдонімом
users-find-submit = Знайти
users-none-found = Немає облікових записів, псевдонім яких містить це.
users-role-changed = Роль змінено. Вона діє з наступної сторінки.

carry-session-ended = Ви вийшли із системи, тому надіслане ще не збережено. Воно зберігається на цій сторінці: увійдіть, і ви зможете надіслати його далі.
carry-title = Ви знову увійшли
carry-kept = Ви увійшли. Усе, що ви ввели, на місці: надішліть це кнопкою нижче.
carry-continue = Продовжити з того самого місця
outbox-kind-password-reset = Скидання пароля
outbox-kind-email-confirmation = Підтвердження адреси електронної пошти
outbox-kind-inactivity-warning = Попередження перед видаленням невикористовуваного облікового запису
outbox-kind-password-changed = Пароль змінено
outbox-kind-recovery-codes-changed = Нові коди відновлення
outbox-kind-second-factor-on = Другий фактор увімкнено
outbox-kind-second-factor-off = Другий фактор вимкнено
outbox-kind-email-changed = Адресу електронної пошти змінено
outbox-kind-certificate = Видано сертифікат
outbox-kind-reminder = Нагадування продовжити курс
outbox-kind-application = Заявку отримано
outbox-kind-decision = Рішення щодо заявки
outbox-kind-nudge = Повідомлення від команди програми про курси
