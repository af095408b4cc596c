module-take-quiz = Take the quiz
trainer-quiz = Quiz
quiz-back-to-module = Back to the module
quiz-back-to-quiz = Back to the quiz
quiz-pass-mark = Pass mark
quiz-attempts = Attempts
quiz-attempts-of = { $used } of { $allowed } used
quiz-attempts-unlimited = { $used } used, no limit
quiz-time-limit = Time limit
quiz-questions = Questions
quiz-questions-drawn = { $count } drawn at random from { $pool }
quiz-by-hand = A trainer grades the answers you write in your own words. Until then your result is not final.
quiz-timed-online = A timed quiz needs a connection until you submit it: it cannot be taken offline.
quiz-best = Your best result
quiz-passed = You passed this quiz.
quiz-passed-short = passed
quiz-not-passed = Not passed yet: the pass mark is { $pass }%.
quiz-continue = Continue your attempt
quiz-start = Start an attempt
quiz-no-attempts-left = You have used all your attempts.
quiz-your-attempts = Your attempts
quiz-in-progress = in progress
quiz-edit = Edit the quiz
quiz-open-page = Quiz page
quiz-deadline = Submit before { $at }. After that, the attempt closes as it stands.
quiz-score = You scored { $score } out of { $max } ({ $percent }%).
quiz-pending-grading = A trainer has yet to grade your written answers; your score may still rise.
quiz-review-later = Answers and feedback are not shown yet for this quiz.
quiz-question-number = Question { $n }
quiz-your-answer = Your answer
quiz-true = True
quiz-false = False
quiz-save = Save answers
quiz-submit = Submit and finish
quiz-save-hint = Your answers are kept if the connection drops: come back to this page and go on.
quiz-question-score = { $score } of { $max } points
quiz-awaiting-grade = Awaiting a trainer's grade
quiz-right-answer = Right answer
quiz-trainer-comment = Trainer's comment
quiz-editor-title = Quiz of { $module }
quiz-settings = Settings
quiz-attempts-allowed = Attempts allowed (empty: no limit)
quiz-time-limit-minutes = Time limit in minutes (empty: none)
quiz-draw = Questions drawn at random per attempt (empty: all)
quiz-review-policy = When scholars see answers and feedback
quiz-review-after-attempt = After each attempt
quiz-review-after-pass = Once they have passed
quiz-review-after-last = After their last attempt
quiz-review-never = Never
quiz-shuffle-questions = Shuffle the questions
quiz-shuffle-choices = Shuffle the choices
quiz-required = Passing is required to complete the course
quiz-translation-hint = A translation has the same questions, with the same [id:], in the same order as the English quiz. Settings are set on the English quiz.
quiz-format = Format
quiz-source = Questions
quiz-source-hint = GIFT as Moodle reads it: // [id:q1] before each question, ::Title::, {"{"}=right ~wrong#feedback{"}"}. Paste a Moodle export as it is.
quiz-preview-count = { $count ->
    [one] Preview: { $count } question
   *[other] Preview: { $count } questions
}
quiz-saved = { $count ->
    [one] Saved: { $count } question.
   *[other] Saved: { $count } questions.
}
quiz-type-single = single choice
quiz-type-multiple = multiple response
quiz-type-truefalse = true/false
quiz-type-short = short answer
quiz-type-numerical = numerical
quiz-type-matching = matching
quiz-type-essay = essay
quiz-results-title = Results
quiz-download-csv = Download as CSV
quiz-no-results = No attempt has been submitted yet.
quiz-score-heading = Score
quiz-grading-title = Essays to grade
quiz-nothing-to-grade = Nothing to grade.
quiz-grade-score = Score
quiz-grade-score-of = Score (0 to { $max })
quiz-grade-guide = Marking guide and model answer
quiz-grade-comment = Comment for the scholar (optional)
quiz-grade-save = Save grade
quiz-statistics-title = Item analysis
quiz-statistics-of = Item analysis: { $quiz }
quiz-stats-attempts = { $count ->
    [one] { $count } first attempt analysed
   *[other] { $count } first attempts analysed
}
quiz-stats-alpha = Internal consistency (Cronbach's alpha)
quiz-stats-help = Facility: the average score on the question. Discrimination: how much the question agrees with the rest of the quiz (above 30% is good). Efficiency: discrimination as a share of the most the question could reach.
quiz-stats-question = Question
quiz-stats-facility = Facility
quiz-stats-sd = Standard deviation
quiz-stats-discrimination = Discrimination
quiz-stats-efficiency = Efficiency
quiz-stats-chart = Facility and discrimination per question
error-syntax = Line { $line }, column { $column }: { $detail }
error-quiz-format = Choose GIFT or Aiken.
error-quiz-empty = There is no question in this text.
error-quiz-english-first = Save the English quiz first: translations follow its questions.
error-percent-range = A percentage from 0 to 100.
error-attempts-range = At least 1 attempt, or empty for no limit.
error-time-limit-range = Between 30 seconds and 24 hours, or empty for none.
error-draw-range = At least 1 question, or empty for all.
error-whole-number = A whole number, please.
error-no-attempts-left = You have used all your attempts at this quiz.
error-attempt-expired = The time for this attempt is over; it was closed as it stood.
error-attempt-submitted = This attempt is already submitted.
error-attempt-open = The attempt is not submitted yet.
error-answer-shape = This answer has the wrong shape: expected { $expected }.
error-answer-unknown-id = { $id } is not one of this question's choices.
error-answer-too-long = An answer may have at most { $max } characters.
error-answer-number = Write a number, e.g. 12 or 2.5.
error-not-an-essay = Only essays are graded by hand.
error-score-range = A score from 0 to { $max }.
error-score-required = A score is needed.

quiz-minutes-left = { $minutes ->
    [one] One minute left when this page was drawn.
   *[other] { $minutes } minutes left when this page was drawn.
}
quiz-time-up-send-now = Your time is up. Send your answers now: they still count for a short while.
quiz-time-ran-out = The time ran out before this attempt was sent: what was saved before the limit was graded.
quiz-check-title = Some questions are not answered
quiz-check-intro = Your answers are saved. Before you submit, look at these questions again:
quiz-check-unanswered = Question { $number }: not answered
quiz-check-incomplete = Question { $number }: partly answered
quiz-check-final = Once you submit, you cannot change your answers.
quiz-check-deadline = Submit by { $time }.
quiz-check-back = Back to my answers
quiz-check-submit = Submit anyway
quiz-countdown = Time left: { $time }

## The grading queue
grading-title = Answers to grade
grading-count = { $count ->
    [0] Nothing is waiting for a grade.
    [one] One answer is waiting for a grade, oldest first.
   *[other] { $count } answers are waiting for a grade, oldest first.
}
grading-answer = The answer
grading-saved = The grade is saved and its author is told. The next answer is first below.
grading-saved-last = The grade is saved and its author is told. Nothing else is waiting.
gift-too-large = the file is larger than { $kib } KiB
gift-duplicate-id = the id “{ $id }” is used by two questions
gift-no-answers = no answers: a question needs {"{"} {"}"} (use {"{"}{"}"} for an essay)
gift-unclosed = this {"{"} is never closed by {"}"}
gift-stray-close = this {"}"} closes no {"{"}
gift-close-first = this {"}"} comes before the {"{"}
gift-few-choices = a choice question needs at least 2 choices
gift-few-pairs = a matching question needs at least 2 pairs
gift-pair-arrow = every pair of a matching question is written prompt -> answer
gift-pair-empty = this pair has nothing after ->
gift-few-prompts = a matching question needs at least 2 prompts
gift-short-no-answer = a short-answer question needs an answer
gift-empty-answer = an empty accepted answer
gift-numerical-no-number = a numerical question needs a number
gift-not-a-number = “{ $value }” is not a number, a number:tolerance or a min..max range
gift-negative-tolerance = a tolerance cannot be negative (write min..max with min below max)
aiken-answer-unknown = ANSWER names no choice of this question ({ $value })
aiken-too-few = a question needs its text and at least 2 choices before ANSWER
aiken-expected = expected another choice (A. …) or ANSWER: here
aiken-no-answer = this question has no ANSWER: line
quiz-translation-count = { $count } questions, but the English version has { $english }
quiz-translation-id = question { $n } has the id “{ $id }”, but the English one has “{ $english }”
quiz-translation-shape = question “{ $id }” is { $kind } with { $count } choices here, but { $english_kind } with { $english_count } in English
