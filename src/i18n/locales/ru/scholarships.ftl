## Стипендиальные программы: ошибки

error-required = Пожалуйста, заполните это поле.
error-length-max = Не больше { $max } символов, пожалуйста.
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
error-not-submitted = Эта заявка ещё не отправлена.
error-seats-full = Все места ({ $seats }) заняты. Освободите одно (отказ или отменённое решение), прежде чем предоставить ещё одно.
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
