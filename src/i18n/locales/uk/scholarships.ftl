## Стипендійні програми: помилки

error-required = Будь ласка, заповніть це поле.
error-length-max = Не більше { $max } символів, будь ласка.
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
error-not-submitted = Цю заявку ще не надіслано.
error-seats-full = Усі { $seats } місця зайняті. Звільніть одне (відмова або скасоване рішення), перш ніж надати ще одне.
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
