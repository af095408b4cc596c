## Navigation
nav-courses = Курсы
nav-trainer = Преподавание

## Catalogue and course pages
courses-title = Курсы
courses-empty = Пока не опубликовано ни одного курса.
course-fallback-notice = Ещё не переведено на ваш язык: показано на английском.
module-fallback-notice = Этот модуль ещё не переведён на ваш язык: показан на английском.
course-draft-notice = Черновик: его видят только тренеры курса и администраторы.
course-module-count = { $count ->
    [one] { $count } модуль
    [few] { $count } модуля
    [many] { $count } модулей
   *[other] { $count } модуля
}
course-hours = { $count ->
    [one] около { $count } часа
    [few] около { $count } часов
    [many] около { $count } часов
   *[other] около { $count } часа
}
course-progress = Пройдено { $percent }%
course-start = Начать курс
course-continue = Продолжить с того места, где вы остановились
course-completed = Вы прошли этот курс.
course-enrol = Записаться на курс
course-sign-in-to-join = Войдите, чтобы записаться
course-closed-note = Этот курс открыт для стипендиаток и стипендиатов, зачисленных программой.
course-edit-link = Редактировать курс
course-modules-heading = Модули
module-minutes = { $count ->
    [one] { $count } минута
    [few] { $count } минуты
    [many] { $count } минут
   *[other] { $count } минуты
}
module-completed = Пройдено
module-save-text = Сохранить или распечатать эту страницу
module-save-text-hint = Текст этой страницы в виде простого текстового файла (Markdown), чтобы заполнить или распечатать. Распечатать можно и через «Печать» в браузере: меню и кнопки на бумагу не попадут.
module-save-text-link = Скачать эту страницу как текст
module-position = Модуль { $number } из { $count }
module-contents = В этом модуле
module-contents-end-quiz = Тест и «Отметить как пройденное»
module-contents-end = Отметить как пройденное
module-mark-complete = Отметить как пройденное
module-pager-label = Предыдущий и следующий модуль

## Teaching
trainer-title = Преподавание
trainer-courses-empty = Вы пока не ведёте ни одного курса. Создайте курс ниже или попросите администратора добавить вас к курсу.
trainer-new-course = Новый курс
trainer-create = Создать курс
trainer-published = опубликован
trainer-draft = черновик
trainer-publish = Опубликовать
trainer-unpublish = Снять с публикации
trainer-view-as-scholar = посмотреть глазами стипендиата(ки)
trainer-modules = Модули
trainer-no-modules = Модулей пока нет.
trainer-missing-translation = нет перевода
trainer-history = История
trainer-move-up-label = Переместить { $module } выше
trainer-move-down-label = Переместить { $module } ниже
trainer-new-module-slug = Новый модуль (имя в адресе)
trainer-add-module = Добавить модуль
trainer-course-texts = Название и описание
trainer-save-course = Сохранить курс
trainer-enrol-heading = Зачислить на курс
trainer-enrol = Зачислить
trainer-enrolled = { $handle } зачислен(а).
trainer-trainers = Тренеры
field-slug = Имя в адресе
slug-hint = Строчные латинские буквы, цифры и дефисы, например drug-policy-basics. Оно видно в адресе и не меняется.
field-title = Название
field-title-en = Название на английском
field-summary = Описание
field-open = Открыт для всех вошедших стипендиаток и стипендиатов
open-hint = Иначе записаться могут только зачисленные программой или вручную.
field-hours = Примерное число часов
field-markdown = Текст (Markdown)
markdown-hint = ## — заголовок раздела, **жирный**, - — список, | — таблицы, [^1] — сноска. Изображения: ![описание](media/name.png).
editor-title = Модуль { $module }
editor-back = Назад к курсу
editor-language = Язык
editor-preview = Предпросмотр
editor-save = Сохранить
editor-saved = Сохранено как редакция { $revision }.
editor-preview-heading = Предпросмотр
editor-english-reference = Английский текст для сверки
history-title = История модуля { $module }
history-revision = Редакция
history-by = Автор
history-imported = импортировано из файлов
history-restore = Восстановить
history-compare = Сравнить
history-from = С
history-to = По
history-diff-heading = Изменения с редакции { $from } по { $to }
history-no-difference = Текст не отличается.

## Errors
error-bad-query = В адресе есть параметр, который не удалось прочитать.
error-slug-invalid = Используйте от 1 до 64 строчных латинских букв, цифр и одиночных дефисов.
error-slug-taken = Это имя в адресе уже занято.
error-title-required = Нужно название.
error-hours-range = Число часов — целое число от 1 до 1000.
error-markdown-required = Текст пуст.
error-markdown-too-long = Текст может занимать не больше { $kib } КиБ.
error-position-range = Позиция — целое число от 1 до 999.
error-user-unknown = Нет аккаунта с таким псевдонимом или идентификатором.
error-user-not-trainer = Вести курс могут только тренеры и администраторы.

# Взять курс с собой (один файл)
download-heading = Взять курс с собой
download-intro = Скачайте весь курс одним файлом, чтобы читать без интернета: в любом браузере телефона или в читалке. Тесты остаются онлайн.
download-warning = Сохранённый файл остаётся на телефоне, пока вы его не удалите, и любой, кто обыскивает телефон, может его найти и открыть.
download-language = Язык
download-real-title = Указать в файле название курса
download-real-title-hint = Без этого файл называется «Курс 1», «Курс 2»… и список файлов не выдаёт тему.
download-submit = Скачать
download-neutral-title = Курс { $number }
download-contents = Содержание
download-footer = Сохранено для чтения без интернета. Удалите этот файл, когда он больше не нужен.
error-download-format = Этот формат недоступен: выберите html или epub.
download-format = Файл
download-format-html = Одна страница (HTML): открывается в любом браузере
download-format-epub = Книга (EPUB): для электронных книг и читалок

course-left = До сертификата осталось: { $modules ->
    [0] модулей для чтения нет
    [one] { $modules } модуль прочитать
    [few] { $modules } модуля прочитать
   *[other] { $modules } модулей прочитать
}, { $quizzes ->
    [0] тестов нет.
    [one] { $quizzes } тест сдать.
    [few] { $quizzes } теста сдать.
   *[other] { $quizzes } тестов сдать.
}
module-quiz-to-pass = нужно сдать тест
course-trainers-title = Тренеры курса «{ $course }»
course-trainers-none = У этого курса пока нет тренеров. Добавьте тренера ниже.
course-trainers-manage = Добавить или убрать тренеров
course-trainer-add-heading = Добавить тренера
course-trainer-add-hint = Псевдоним аккаунта с ролью тренера или администратора. Он получит уведомление.
course-trainer-add = Добавить тренера
course-trainer-remove = Убрать
course-trainer-remove-label = Убрать { $handle } из тренеров курса
course-trainer-added = Тренер добавлен и получил уведомление.
course-trainer-removed = Тренер убран из этого курса.

## Чтение без подключения
offline-heading = Читать без подключения
offline-intro = Сохраните курс на этом устройстве, чтобы открывать модули без интернета. Отметки о прочтении и ответы в тестах без ограничения времени, сделанные в это время, будут отправлены, когда подключение вернётся.
offline-warning = Сохранённые страницы остаются в этом браузере, пока вы их не удалите или не выйдете из аккаунта, и любой, кто обыскивает телефон, сможет их открыть.
offline-keep = Сохранить курс на этом устройстве
offline-remove = Удалить с этого устройства
offline-kept = Сохранён на этом устройстве: модули открываются без подключения.
offline-keeping = Сохраняем страницы…
offline-failed = Не удалось сохранить курс: проверьте подключение и попробуйте ещё раз.
offline-removed = Удалён с этого устройства.
offline-queued = Нет подключения: это сохранено на устройстве и будет отправлено, когда подключение вернётся.
offline-waiting = Сделанное без подключения ждёт отправки. Оно уйдёт, как только подключение вернётся.
offline-sent = Отправлено то, что вы сделали без подключения:
offline-sign-in = Сделанное без подключения ждёт отправки: войдите снова, чтобы отправить.
offline-open = Открыть
offline-answer-kept = Сохранено на устройстве: отправится, когда подключение вернётся.
offline-answer-not-saved = Не сохранено: нет подключения. Не закрывайте страницу и сохраните снова, когда подключение появится.
offline-page-title = Нет подключения
offline-page-text = Эта страница не сохранена на устройстве, поэтому для неё нужно подключение.
offline-page-kept = Курсы, сохранённые на этом устройстве, открываются и без него: вернитесь назад или откройте их со страницы курса.
offline-done-complete = Модуль отмечен как прочитанный.
offline-done-answer = Ответ сохранён.
offline-done-submit = Тест отправлен: посмотрите результат.
offline-refused-incomplete = Не выполнено: шаг был неполным.
offline-refused-gone = Не выполнено: это вам больше не доступно.
offline-refused-closed = Не сохранено: попытка уже была закрыта.
offline-refused-invalid = Не сохранено: ответ не подходит к вопросу.
offline-refused-gaps = Пока не отправлено: на некоторые вопросы нет ответа. Откройте тест, проверьте и отправьте.
offline-too-many = За один раз можно отправить не больше { $count } шагов.
offline-bad-id = Идентификатор шага: от 1 до 64 латинских букв, цифр, «-» или «_».

## Изображения курса
media-title = Изображения
media-heading = Изображения этого курса
media-intro = Добавьте фотографию или схему, чтобы показать её в модулях курса. Каждое изображение показывается шириной не больше 1280 пикселей.
media-cleaned = Перед сохранением из изображения удаляются место съёмки, модель камеры, время и другие сведения, которые оно несёт, а размер уменьшается под экран телефона. Всё равно проверьте, что видно на фото: лица, вывески и документы могут выдать людей.
media-file = Файл изображения
media-file-hint = PNG, JPEG или WebP, не больше { $megabytes } МБ.
media-name = Имя (необязательно)
media-name-hint = Латинские буквы, цифры и дефисы, например «map-of-districts». Если не указать, будет использовано имя файла. Изображение с таким же именем будет заменено.
media-upload = Добавить изображение
media-uploaded = Сохранено как { $name }.
media-replaced = Сохранено как { $name } вместо прежнего изображения с этим именем.
media-how-to-show = Чтобы показать его в модуле, напишите:
media-description-placeholder = что изображено
media-empty = Изображений пока нет.
media-size = { $kilobytes } КБ
editor-back-to-module = Назад к модулю
image-refused = Этот файл не удаётся прочитать как изображение PNG, JPEG или WebP. Выберите другой файл.
image-too-large = Файл больше { $megabytes } МБ. Выберите изображение поменьше.
image-missing = Выберите файл изображения.
field-minutes = Минут на чтение
field-minutes-hint = Примерно сколько времени займёт модуль, на любом языке; показывается рядом с модулем. Следите, чтобы часы курса соответствовали сумме минут его модулей.
