## Shell
language-name = Русский
language-switch-label = Язык
skip-to-content = Перейти к содержанию
nav-label = Главное меню
nav-home = Главная
nav-sign-in = Войти
nav-register = Создать аккаунт
nav-account = Аккаунт
nav-admin-users = Пользователи
nav-admin = Управление
admin-hub-programmes = Стипендиальные конкурсы: заявки, рецензенты, рейтинг и решения, группы и отчёты для доноров.
admin-hub-users = Аккаунты: создать, найти по псевдониму, сменить роль, удалить.
admin-hub-audit = Кто что изменил и когда — в журнале, записи которого нельзя незаметно изменить.
admin-hub-outbox = Письма в очереди, отправленные и неудавшиеся; повторная отправка.
nav-admin-audit = Журнал аудита
nav-sign-out = Выйти
footer-privacy = Pravo не спрашивает настоящее имя, телефон или адрес и ничего не загружает с других сайтов.
footer-signed-in-as = Вы вошли как
list-next = Следующая страница

## Dates
date-long = { $day } { $month } { $year } г.
month-genitive-1 = января
month-genitive-2 = февраля
month-genitive-3 = марта
month-genitive-4 = апреля
month-genitive-5 = мая
month-genitive-6 = июня
month-genitive-7 = июля
month-genitive-8 = августа
month-genitive-9 = сентября
month-genitive-10 = октября
month-genitive-11 = ноября
month-genitive-12 = декабря

## Counts
course-count = { $count ->
    [one] { $count } курс
    [few] { $count } курса
    [many] { $count } курсов
   *[other] { $count } курса
}

## Home
home-title = Учимся документировать нарушения прав человека
home-intro = Pravo — онлайн-класс стипендиальной программы, которая учит активисток и активистов отслеживать и документировать нарушения прав человека, связанные с гендерным неравенством, ВИЧ и наркополитикой, и доводить их до национальных и международных органов.
home-privacy = Участвовать можно под псевдонимом. Электронная почта не обязательна, и ничего из того, что вы здесь делаете, не передаётся другим сайтам.
home-welcome-back = С возвращением, { $handle }.
home-offer = Вам предложено место
home-offer-answer = Ответить на предложение
home-your-courses = Ваши курсы
home-no-courses = Вы ещё не записались ни на один курс.
home-see-courses = Посмотреть курсы
home-your-applications = Ваши заявки

## Forms
form-has-errors = Пожалуйста, исправьте отмеченные ниже поля.
field-handle = Псевдоним
field-password = Пароль
field-new-password = Новый пароль
field-current-password = Текущий пароль
field-email-optional = Электронная почта (не обязательно)
field-language = Язык
field-recovery-code = Код восстановления
field-certificate-name = Имя в сертификатах (не обязательно)
handle-hint = Псевдоним приветствуется: от 3 до 32 букв, цифр, точек, дефисов или подчёркиваний.
password-hint = От { $min } до { $max } символов. Несколько не связанных между собой слов — надёжный пароль.
email-hint = Только для сброса пароля, сертификатов и напоминаний (их можно отключить). Без неё вы получите коды восстановления.
certificate-name-hint = Печатается только в ваших сертификатах. Оставьте пустым, чтобы использовать псевдоним.
field-certificates-by-email = Присылать мне сертификаты по электронной почте
certificates-by-email-hint = Только если указан адрес почты. Снимите отметку, чтобы сертификаты были только здесь, для скачивания: тогда ни одно письмо не расскажет, какой курс вы прошли.

## Sign in
login-title = Вход
login-submit = Войти
login-no-account = Ещё нет аккаунта?
login-keep = Не выходить из аккаунта
login-keep-hint = Только на своём телефоне или компьютере. Иначе закрытие браузера завершит вход.
login-forgot = Забыли пароль?

## Registration
register-title = Создать аккаунт
register-intro = Нужны только псевдоним и пароль.
register-submit = Создать аккаунт
codes-title = Ваши коды восстановления
codes-intro = Без электронной почты эти коды — единственный способ вернуться в аккаунт, если вы забудете пароль. Каждый код действует один раз.
codes-keep-safe = Запишите их или сохраните в надёжном месте прямо сейчас: больше они показаны не будут.
codes-continue = Я сохранил(а) коды

## Recovery and single-use links
recover-title = Восстановление доступа
recover-intro = Введите псевдоним, один из кодов восстановления и новый пароль.
recover-submit = Задать новый пароль
set-password-title = Задайте пароль
set-password-intro = Выберите пароль для аккаунта { $handle }.
set-password-submit = Сохранить пароль
setup-title = Первый администратор
setup-intro = В этом Pravo ещё нет администратора. Выберите псевдоним и пароль первого.
setup-submit = Создать администратора

## Account
account-title = Ваш аккаунт
account-role = Роль
account-since = С нами с
account-profile = Настройки
account-save = Сохранить настройки
account-saved-profile = Настройки сохранены.
account-saved-password = Пароль изменён. На других устройствах выполнен выход.
account-password = Пароль
account-change-password = Сменить пароль
account-recovery-codes = Коды восстановления
account-codes-left = { $count ->
    [0] У вас не осталось неиспользованных кодов восстановления.
    [one] У вас { $count } неиспользованный код восстановления.
    [few] У вас { $count } неиспользованных кода восстановления.
    [many] У вас { $count } неиспользованных кодов восстановления.
   *[other] У вас { $count } неиспользованного кода восстановления.
}
account-new-codes = Создать новые коды восстановления
account-sessions = Сеансы
account-sessions-intro = Потеряли телефон или входили с чужого компьютера? Выйдите сразу на всех устройствах.
account-session-days = с { $started }, последний раз { $seen }
account-session-current = это устройство
account-session-end = Завершить этот сеанс
account-saved-session = Сеанс завершён: на том устройстве вы вышли из аккаунта.
account-logout-all = Выйти на всех устройствах
role-scholar = Стипендиат(ка)
role-trainer = Тренер
role-admin = Администратор

## Administration
users-title = Пользователи
users-count = { $count ->
    [one] { $count } аккаунт
    [few] { $count } аккаунта
    [many] { $count } аккаунтов
   *[other] { $count } аккаунта
}
users-role-of = Роль { $handle }
users-change-role = Изменить
audit-title = Журнал аудита
audit-empty = Пока ничего не записано.
audit-when = Когда
audit-who = Кто
audit-what = Что
audit-whom = Кого
audit-operator = оператор сервера
audit-action-role-changed = Роль изменена: { $from } → { $to }
audit-action-user-created = Аккаунт создан с ролью «{ $role }»
audit-action-user-first-admin = Создан первый администратор
audit-action-session-ended = Сеанс завершён
audit-action-password-recovered = Пароль сброшен кодом восстановления

## Errors
error-title-400 = Не удалось прочитать запрос
error-title-401 = Пожалуйста, войдите
error-title-403 = Нет доступа
error-title-404 = Страница не найдена
error-title-408 = Слишком долго
error-title-409 = Сейчас это невозможно
error-title-413 = Слишком большой объём
error-title-422 = Проверьте введённые данные
error-title-429 = Слишком много попыток
error-title-500 = Что-то пошло не так
error-incident = Если это повторяется, сообщите администратору номер инцидента:
error-home-link = На главную
error-unauthorized = Пожалуйста, войдите, чтобы продолжить.
error-bad-credentials = Неверный псевдоним или пароль.
error-forbidden = У вас нет прав на это действие.
error-csrf = Форма устарела или отправлена с другого сайта. Вернитесь, обновите страницу и попробуйте ещё раз.
error-not-found = Здесь ничего нет. Ссылка неверна или устарела.
error-payload-too-large = Отправленные данные слишком велики.
error-validation-failed = Часть введённых данных нужно исправить.
error-conflict = В текущем состоянии это невозможно.
error-rate-limited = { $minutes ->
    [one] Слишком много попыток. Подождите { $minutes } минуту и попробуйте снова.
    [few] Слишком много попыток. Подождите { $minutes } минуты и попробуйте снова.
    [many] Слишком много попыток. Подождите { $minutes } минут и попробуйте снова.
   *[other] Слишком много попыток. Подождите { $minutes } минуты и попробуйте снова.
}
error-internal = На нашей стороне произошла ошибка. Введённое вами не потеряно; попробуйте ещё раз.
error-bad-form = Не удалось прочитать форму. Обновите страницу и попробуйте ещё раз.
error-bad-json = Тело запроса — не корректный JSON.
error-json-content-type = Отправьте тело запроса как application/json.
error-last-admin = Последний администратор не может лишиться этой роли. Сначала назначьте администратором кого-то ещё.
error-already-set-up = Администратор уже есть. Войдите в систему.
error-handle-length = Псевдоним должен содержать от { $min } до { $max } символов.
error-handle-characters = Псевдоним может содержать только буквы, цифры, точки, дефисы и подчёркивания.
error-handle-taken = Этот псевдоним занят. Выберите другой.
error-handle-look-alike = Этот псевдоним слишком похож на уже занятый (одинаковые на вид буквы из разных алфавитов считаются одинаковыми). Пожалуйста, выберите другой.
error-password-too-short = Пароль должен содержать не меньше { $min } символов.
error-password-too-long = Пароль может содержать не больше { $max } символов.
error-password-common = Этот пароль — один из самых распространённых, его легко угадать. Выберите другой.
error-password-repetitive = В этом пароле повторяются одни и те же символы. Выберите пароль, который труднее угадать, например несколько не связанных между собой слов.
error-password-sequential = Этот пароль — последовательность букв или цифр (как 123456…). Выберите пароль, который труднее угадать.
error-password-keyboard = Этот пароль повторяет ряд клавиатуры (как йцукен… или qwerty…). Выберите пароль, который труднее угадать.
error-password-context = Пароль не должен содержать ваш псевдоним или название сайта: тот, кто их знает, попробует их первыми.
error-password-wrong = Текущий пароль неверен.
error-email-invalid = Это не похоже на адрес электронной почты.
error-locale-unknown = Выберите английский, русский или украинский.
error-role-unknown = Выберите роль: стипендиат(ка), тренер или администратор.
error-certificate-name-too-long = Имя может содержать не больше { $max } символов.
error-recovery-code-wrong = Неверный псевдоним или код восстановления, или код уже использован.
error-nul = В запросе есть символ NUL, который Pravo не принимает.
error-conflict-retry = Кто-то изменил это в тот же момент. Пожалуйста, попробуйте ещё раз.
mail-greeting = Здравствуйте, { $handle }!
mail-signature = Это письмо отправлено автоматически; ответы не читаются.
mail-subject-reset = Сброс пароля
mail-reset-intro = Кто-то запросил сброс пароля вашего аккаунта. Если это были вы, откройте эту ссылку в течение 30 минут и выберите новый пароль:
mail-reset-ignore = Если это были не вы, просто проигнорируйте письмо: ничего не изменится.
mail-subject-account = Ваш аккаунт
mail-password-changed = Пароль вашего аккаунта был изменён { $when }.
mail-codes-changed = { $when } для вашего аккаунта были созданы новые коды восстановления; старые больше не работают.
mail-email-changed = Адрес электронной почты вашего аккаунта был изменён { $when }; на этот адрес письма больше приходить не будут.
mail-not-you = Если это были не вы, сбросьте пароль прямо сейчас или попросите помощи у администраторов программы.
reset-title = Забыли пароль?
reset-intro = Введите псевдоним. Если у аккаунта есть адрес электронной почты, мы пришлём ссылку для выбора нового пароля. Без почты воспользуйтесь одним из кодов восстановления.
reset-submit = Отправить ссылку
reset-sent = Если у аккаунта есть адрес электронной почты, ссылка уже в пути. Она действует 30 минут.
reset-password-title = Выберите новый пароль
login-reset-by-email = Сбросить по почте
login-reset-by-code = Ввести код восстановления
error-mail-already-sent = Это письмо уже отправлено.
nav-admin-outbox = Исходящие
outbox-title = Исходящая почта
outbox-files = SMTP-сервер не задан (SMTP_URL): письма записываются как файлы .eml в
outbox-empty = Писем пока нет.
outbox-kind = Вид
outbox-status = Состояние
outbox-attempts = Попытки
outbox-next = Следующая попытка
outbox-resend = Отправить снова
outbox-status-pending = ждёт
outbox-status-sent = отправлено
outbox-status-failed = не отправлено
nav-certificates = Сертификаты
cert-title = Ваши сертификаты
cert-none = Когда вы пройдёте курс, здесь появится сертификат.
cert-set-name = В сертификатах печатается ваш псевдоним. Чтобы напечатать другое имя, укажите его в настройках аккаунта до окончания курса.
cert-heading = Сертификат о прохождении курса
cert-awarded-to = Настоящим удостоверяется, что
cert-for-completing = прошёл(а) курс
cert-hours = { $count ->
    [one] { $count } час обучения
    [few] { $count } часа обучения
    [many] { $count } часов обучения
   *[other] { $count } часа обучения
}
cert-date = Выдан { $date }
cert-issuer = организацией { $issuer }
cert-verify = Проверить сертификат можно здесь:
cert-code = Код { $code }
cert-download-pdf = Скачать PDF
cert-download-credential = Скачать цифровое удостоверение (.jwt)
cert-hide = Скрыть от проверки
cert-show = Разрешить проверку
cert-is-public = Любой, у кого есть код, может его проверить.
cert-is-hidden = Проверка отключена.
cert-revoked = Этот сертификат отозван.
cert-verify-title = Проверка сертификата
cert-verify-valid = Сертификат действителен. Сравните его с документом, который вам показали: все данные должны совпадать.
cert-verify-revoked = Этот сертификат отозван { $date }.
cert-verify-hint = Эта страница показывает ровно то, что написано в сертификате. Документ, в котором написано что-то другое, изменён.
cert-issued-on = Дата выдачи
cert-issued-by = Кем выдан
mail-subject-certificate = Ваш документ
mail-certificate-intro = Поздравляем! Ваш сертификат приложен к этому письму в формате PDF.
mail-certificate-verify = Любой, кому вы его покажете, может проверить его здесь:
error-public-required = Укажите true или false.
error-certificate-name-characters = Имя не может содержать разметку или управляющие символы.

## Reminders
mail-subject-reminder = Сообщение от { $site }
mail-reminder-intro = { $days ->
    [one] Ваши курсы ждут вас уже { $days } день. Можно продолжить с того места, где вы остановились:
    [few] Ваши курсы ждут вас уже { $days } дня. Можно продолжить с того места, где вы остановились:
   *[other] Ваши курсы ждут вас уже { $days } дней. Можно продолжить с того места, где вы остановились:
}
mail-reminder-opt-out = Чтобы больше не получать напоминания, откройте эту ссылку (входить не нужно):
reminders-title = Напоминания по почте
reminders-for = Напоминания для аккаунта { $handle }.
reminders-are-on = Напоминания включены: если вы давно не заходили в курсы, мы присылаем короткое письмо без названия курса.
reminders-are-off = Напоминания выключены: мы их не присылаем.
reminders-turn-off = Отключить напоминания
reminders-turn-on = Снова присылать напоминания
reminders-now-off = Готово: напоминаний больше не будет.
reminders-now-on = Готово: напоминания снова включены.
account-saved-reminders = Настройка напоминаний сохранена.
reminders-need-email = Напоминания приходят по почте: чтобы их получать, укажите адрес в настройках выше.

# One message per rule, whichever domain checks it.
error-length-max = Не больше { $max } символов, пожалуйста.
error-nesting-too-deep = Цитаты или списки вложены глубже { $max } уровней. Пожалуйста, упростите текст.
error-request-timeout = Запрос шёл слишком долго. Пожалуйста, попробуйте ещё раз.
email-change-password-hint = Нужен, только чтобы изменить или удалить адрес почты. Новый адрес начнёт работать, когда вы откроете ссылку, которую мы на него пришлём.
email-pending = Мы отправили ссылку на { $email }. Адрес изменится, когда вы её откроете (в течение 48 часов).
account-saved-email-pending = Сохранено. Откройте ссылку, которую мы прислали на новый адрес, чтобы начать им пользоваться.
account-saved-email-confirmed = Новый адрес почты подтверждён.
email-confirmed-title = Адрес почты подтверждён
email-confirmed = Новый адрес почты подтверждён и теперь используется для вашей учётной записи.
email-confirm-invalid-title = Эта ссылка не работает
email-confirm-invalid = Ссылка недействительна: ею уже воспользовались, прошло больше 48 часов или была отправлена более новая. Чтобы получить новую ссылку, измените адрес ещё раз на странице учётной записи.
mail-confirm-intro = Кто-то (надеемся, вы) попросил использовать этот адрес для учётной записи. Чтобы подтвердить его, откройте эту ссылку в течение 48 часов:
mail-confirm-ignore = Если это были не вы, просто не обращайте внимания на это письмо: адрес не будет использоваться.

# The inbox (notices). Titles never name a course or a topic.
nav-inbox = Уведомления
nav-inbox-unread = { $count ->
    [one] { $count } непрочитанное
   *[other] { $count } непрочитанных
}
nav-review-waiting = { $count ->
    [one] { $count } заявка ждёт вашей рецензии
    [few] { $count } заявки ждут вашей рецензии
   *[other] { $count } заявок ждут вашей рецензии
}
inbox-title = Уведомления
inbox-empty = Пока ничего нового. Решения, оценки ответов и сертификаты появятся здесь, даже если у вас нет адреса электронной почты.
inbox-read-all = Отметить все как прочитанные
inbox-unread = (не прочитано)
inbox-privacy = Уведомление сообщает только, что есть новость; подробности — на странице, куда оно ведёт. Любой, у кого в руках ваш телефон, пока вы вошли в систему, может их прочитать.
notice-title-application-received = Ваша заявка получена
notice-body-application-received = Мы получили вашу заявку. Её можно посмотреть на странице программы.
notice-title-decision = Новости по вашей заявке
notice-body-decision = По вашей заявке принято решение. Откройте, чтобы прочитать его и, если вам предложено место, ответить.
notice-title-nudge = Сообщение от команды программы
notice-body-nudge = Команда программы спрашивает, как у вас дела. Откройте, чтобы увидеть свои курсы.
notice-title-graded = Результат готов
notice-body-graded = Тренер оценил один из ваших ответов. Откройте, чтобы увидеть результат и комментарий тренера.
notice-title-review-assigned = Заявки на рецензию
notice-body-review-assigned = Вас попросили оценить заявки. Откройте, чтобы увидеть, что ждёт проверки.
notice-title-certificate = Сертификат готов
notice-body-certificate = Вам выдан сертификат. Откройте, чтобы скачать его или поделиться ссылкой для проверки.
notice-title-course-assigned = Курс, который вы ведёте
notice-body-course-assigned = Администратор добавил вас тренером курса. Откройте, чтобы увидеть курс.
users-create = Создать аккаунт
users-create-title = Создать аккаунт
users-create-intro = Для тренера, рецензента или стипендиатки, которой не нужно регистрироваться самой. Вы получите одноразовую ссылку, чтобы передать её; по ней она сама задаст пароль. Электронная почта не нужна.
users-create-submit = Создать аккаунт
users-created = Аккаунт { $handle } ({ $role }) создан.
users-created-link = Передайте эту ссылку владелице лично или по каналу, которому вы доверяете. Она работает один раз, три дня; по ней владелица сама задаст пароль.
users-created-link-label = Одноразовая ссылка для выбора пароля
users-created-once = Ссылка показана только сейчас. Если она потеряется до использования, удалите аккаунт и создайте его заново.
users-find = Найти по псевдониму
users-find-submit = Найти
users-none-found = Нет аккаунтов, псевдоним которых содержит это.
users-role-changed = Роль изменена. Она действует со следующей страницы.

carry-session-ended = Вы вышли из системы, поэтому отправленное ещё не сохранено. Оно хранится на этой странице: войдите, и вы сможете отправить его дальше.
carry-title = Вы снова вошли
carry-kept = Вы вошли. Всё, что вы ввели, на месте: отправьте это кнопкой ниже.
carry-continue = Продолжить с того же места
outbox-kind-password-reset = Сброс пароля
outbox-kind-email-confirmation = Подтверждение адреса электронной почты
outbox-kind-inactivity-warning = Предупреждение перед удалением неиспользуемого аккаунта
outbox-kind-password-changed = Пароль изменён
outbox-kind-recovery-codes-changed = Новые коды восстановления
outbox-kind-second-factor-on = Второй фактор включён
outbox-kind-second-factor-off = Второй фактор выключен
outbox-kind-email-changed = Адрес электронной почты изменён
outbox-kind-certificate = Выдан сертификат
outbox-kind-reminder = Напоминание продолжить курс
outbox-kind-application = Заявка получена
outbox-kind-decision = Решение по заявке
outbox-kind-nudge = Сообщение от команды программы о курсах
