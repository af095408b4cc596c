## Navigation
nav-courses = Курси
nav-trainer = Викладання

## Catalogue and course pages
courses-title = Курси
courses-empty = Поки не опубліковано жодного курсу.
course-fallback-notice = Ще не перекладено вашою мовою: показано англійською.
module-fallback-notice = Цей модуль ще не перекладено вашою мовою: показано англійською.
course-draft-notice = Чернетка: її бачать лише тренери курсу та адміністратори.
course-module-count = { $count ->
    [one] { $count } модуль
    [few] { $count } модулі
    [many] { $count } модулів
   *[other] { $count } модуля
}
course-hours = { $count ->
    [one] близько { $count } години
    [few] близько { $count } годин
    [many] близько { $count } годин
   *[other] близько { $count } години
}
course-progress = Пройдено { $percent }%
course-start = Почати курс
course-continue = Продовжити з місця, де ви зупинилися
course-completed = Ви пройшли цей курс.
course-enrol = Записатися на курс
course-sign-in-to-join = Увійдіть, щоб записатися
course-closed-note = Цей курс відкритий для стипендіаток і стипендіатів, зарахованих програмою.
course-edit-link = Редагувати курс
course-modules-heading = Модулі
module-minutes = { $count ->
    [one] { $count } хвилина
    [few] { $count } хвилини
    [many] { $count } хвилин
   *[other] { $count } хвилини
}
module-completed = Пройдено
module-save-text = Зберегти або надрукувати цю сторінку
module-save-text-hint = Текст цієї сторінки як простий текстовий файл (Markdown), щоб заповнити або надрукувати. Надрукувати можна й через «Друк» у браузері: меню та кнопки на папір не потраплять.
module-save-text-link = Завантажити цю сторінку як текст
module-position = Модуль { $number } з { $count }
module-contents = У цьому модулі
module-contents-end-quiz = Тест і «Позначити як пройдене»
module-contents-end = Позначити як пройдене
module-mark-complete = Позначити як пройдене
module-pager-label = Попередній і наступний модуль

## Teaching
trainer-title = Викладання
trainer-courses-empty = Ви поки не ведете жодного курсу. Створіть курс нижче або попросіть адміністратора додати вас до курсу.
trainer-new-course = Новий курс
trainer-create = Створити курс
trainer-published = опубліковано
trainer-draft = чернетка
trainer-publish = Опублікувати
trainer-unpublish = Зняти з публікації
trainer-view-as-scholar = переглянути очима стипендіата(ки)
trainer-modules = Модулі
trainer-no-modules = Модулів поки немає.
trainer-missing-translation = немає перекладу
trainer-history = Історія
trainer-move-up-label = Перемістити { $module } вище
trainer-move-down-label = Перемістити { $module } нижче
trainer-new-module-slug = Новий модуль (ім’я в адресі)
trainer-add-module = Додати модуль
trainer-course-texts = Назва та опис
trainer-save-course = Зберегти курс
trainer-enrol-heading = Зарахувати на курс
trainer-enrol = Зарахувати
trainer-enrolled = { $handle } зараховано.
trainer-trainers = Тренери
field-slug = Ім’я в адресі
slug-hint = Малі латинські літери, цифри та дефіси, наприклад drug-policy-basics. Воно видно в адресі й не змінюється.
field-title = Назва
field-title-en = Назва англійською
field-summary = Опис
field-open = Відкритий для всіх стипендіаток і стипендіатів, які увійшли
open-hint = Інакше записатися можуть лише зараховані програмою або вручну.
field-hours = Орієнтовна кількість годин
field-markdown = Текст (Markdown)
markdown-hint = ## — заголовок розділу, **жирний**, - — список, | — таблиці, [^1] — виноска. Зображення: ![опис](media/name.png).
editor-title = Модуль { $module }
editor-back = Назад до курсу
editor-language = Мова
editor-preview = Попередній перегляд
editor-save = Зберегти
editor-saved = Збережено як редакцію { $revision }.
editor-preview-heading = Попередній перегляд
editor-english-reference = Англійський текст для звірки
history-title = Історія модуля { $module }
history-revision = Редакція
history-by = Автор
history-imported = імпортовано з файлів
history-restore = Відновити
history-compare = Порівняти
history-from = Від
history-to = До
history-diff-heading = Зміни від редакції { $from } до { $to }
history-no-difference = Текст не відрізняється.

## Errors
error-bad-query = В адресі є параметр, який не вдалося прочитати.
error-slug-invalid = Використовуйте від 1 до 64 малих латинських літер, цифр і поодиноких дефісів.
error-slug-taken = Це ім’я в адресі вже зайняте.
error-title-required = Потрібна назва.
error-hours-range = Кількість годин — ціле число від 1 до 1000.
error-markdown-required = Текст порожній.
error-markdown-too-long = Текст може займати не більше { $kib } КіБ.
error-position-range = Позиція — ціле число від 1 до 999.
error-user-unknown = Немає облікового запису з таким псевдонімом чи ідентифікатором.
error-user-not-trainer = Вести курс можуть лише тренери та адміністратори.

# Узяти курс із собою (один файл)
download-heading = Узяти курс із собою
download-intro = Завантажте весь курс одним файлом, щоб читати без інтернету: у будь-якому браузері телефона або в читалці. Тести залишаються онлайн.
download-warning = Збережений файл залишається на телефоні, доки ви його не видалите, і будь-хто, хто обшукує телефон, може його знайти й відкрити.
download-language = Мова
download-real-title = Указати у файлі назву курсу
download-real-title-hint = Без цього файл називається «Курс 1», «Курс 2»… і список файлів не видає теми.
download-submit = Завантажити
download-neutral-title = Курс { $number }
download-contents = Зміст
download-footer = Збережено для читання без інтернету. Видаліть цей файл, коли він більше не потрібен.
error-download-format = Цей формат недоступний: виберіть html або epub.
download-format = Файл
download-format-html = Одна сторінка (HTML): відкривається в будь-якому браузері
download-format-epub = Книжка (EPUB): для електронних книжок і читалок

course-left = До сертифіката лишилося: { $modules ->
    [0] модулів для читання немає
    [one] { $modules } модуль прочитати
    [few] { $modules } модулі прочитати
   *[other] { $modules } модулів прочитати
}, { $quizzes ->
    [0] тестів немає.
    [one] { $quizzes } тест скласти.
    [few] { $quizzes } тести скласти.
   *[other] { $quizzes } тестів скласти.
}
module-quiz-to-pass = треба скласти тест
course-trainers-title = Тренери курсу «{ $course }»
course-trainers-none = У цього курсу поки немає тренерів. Додайте тренера нижче.
course-trainers-manage = Додати або прибрати тренерів
course-trainer-add-heading = Додати тренера
course-trainer-add-hint = Псевдонім облікового запису з роллю тренера або адміністратора. Він отримає сповіщення.
course-trainer-add = Додати тренера
course-trainer-remove = Прибрати
course-trainer-remove-label = Прибрати { $handle } з тренерів курсу
course-trainer-added = Тренера додано, і він отримав сповіщення.
course-trainer-removed = Тренера прибрано з цього курсу.

## Читання без підключення
offline-heading = Читати без підключення
offline-intro = Збережіть курс на цьому пристрої, щоб відкривати модулі без інтернету. Позначки про прочитання та відповіді в тестах без обмеження часу, зроблені тим часом, буде надіслано, коли підключення повернеться.
offline-warning = Збережені сторінки лишаються в цьому браузері, доки ви їх не видалите або не вийдете з облікового запису, і будь-хто, хто обшукує телефон, зможе їх відкрити.
offline-keep = Зберегти курс на цьому пристрої
offline-remove = Видалити з цього пристрою
offline-kept = Збережено на цьому пристрої: модулі відкриваються без підключення.
offline-keeping = Зберігаємо сторінки…
offline-failed = Не вдалося зберегти курс: перевірте підключення і спробуйте ще раз.
offline-removed = Видалено з цього пристрою.
offline-queued = Немає підключення: це збережено на пристрої і буде надіслано, коли підключення повернеться.
offline-waiting = Зроблене без підключення чекає на надсилання. Воно піде, щойно підключення повернеться.
offline-sent = Надіслано те, що ви зробили без підключення:
offline-sign-in = Зроблене без підключення чекає: увійдіть знову, щоб надіслати.
offline-open = Відкрити
offline-answer-kept = Збережено на пристрої: надішлеться, коли підключення повернеться.
offline-answer-not-saved = Не збережено: немає підключення. Не закривайте сторінку і збережіть знову, коли підключення з'явиться.
offline-page-title = Немає підключення
offline-page-text = Цю сторінку не збережено на пристрої, тому для неї потрібне підключення.
offline-page-kept = Курси, збережені на цьому пристрої, відкриваються і без нього: поверніться назад або відкрийте їх зі сторінки курсу.
offline-done-complete = Модуль позначено як прочитаний.
offline-done-answer = Відповідь збережено.
offline-done-submit = Тест надіслано: перегляньте результат.
offline-refused-incomplete = Не виконано: крок був неповним.
offline-refused-gone = Не виконано: це вам більше не доступно.
offline-refused-closed = Не збережено: спробу вже було закрито.
offline-refused-invalid = Не збережено: відповідь не підходить до запитання.
offline-refused-gaps = Ще не надіслано: на деякі запитання немає відповіді. Відкрийте тест, перевірте і надішліть.
offline-too-many = За один раз можна надіслати не більше { $count } кроків.
offline-bad-id = Ідентифікатор кроку: від 1 до 64 латинських літер, цифр, «-» або «_».

## Зображення курсу
media-title = Зображення
media-heading = Зображення цього курсу
media-intro = Додайте фотографію або схему, щоб показати її в модулях курсу. Кожне зображення показується завширшки не більше 1280 пікселів.
media-cleaned = Перед збереженням із зображення видаляються місце зйомки, модель камери, час та інші відомості, які воно несе, а розмір зменшується під екран телефона. Однаково перевірте, що видно на фото: обличчя, вивіски й документи можуть видати людей.
media-file = Файл зображення
media-file-hint = PNG, JPEG або WebP, не більше { $megabytes } МБ.
media-name = Назва (необов'язково)
media-name-hint = Латинські літери, цифри й дефіси, наприклад «map-of-districts». Якщо не вказати, буде використано назву файлу. Зображення з такою самою назвою буде замінено.
media-upload = Додати зображення
media-uploaded = Збережено як { $name }.
media-replaced = Збережено як { $name } замість попереднього зображення з цією назвою.
media-how-to-show = Щоб показати його в модулі, напишіть:
media-description-placeholder = що зображено
media-empty = Зображень поки немає.
media-size = { $kilobytes } КБ
editor-back-to-module = Назад до модуля
image-refused = Цей файл не вдається прочитати як зображення PNG, JPEG або WebP. Виберіть інший файл.
image-too-large = Файл більший за { $megabytes } МБ. Виберіть менше зображення.
image-missing = Виберіть файл зображення.
field-minutes = Хвилин на читання
field-minutes-hint = Приблизно скільки часу займе модуль, будь-якою мовою; показується поруч із модулем. Стежте, щоб години курсу відповідали сумі хвилин його модулів.
