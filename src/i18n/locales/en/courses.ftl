## Navigation
nav-courses = Courses
nav-trainer = Teaching

## Catalogue and course pages
courses-title = Courses
courses-empty = No course is published yet.
course-fallback-notice = Not yet translated into your language: shown in English.
module-fallback-notice = This module is not yet translated into your language: shown in English.
course-draft-notice = Draft: only the course's trainers and administrators see it.
course-module-count = { $count ->
    [one] { $count } module
   *[other] { $count } modules
}
course-hours = { $count ->
    [one] about { $count } hour
   *[other] about { $count } hours
}
course-progress = { $percent }% done
course-start = Start the course
course-continue = Continue where you stopped
course-completed = You have completed this course.
course-enrol = Join this course
course-sign-in-to-join = Sign in to join
course-closed-note = This course is open to scholars enrolled by the programme.
course-edit-link = Edit this course
course-modules-heading = Modules
module-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
module-completed = Completed
module-save-text = Save or print this page
module-save-text-hint = The text of this page as a plain-text (Markdown) file, to fill in or print. To print, you can also use your browser's Print: menus and buttons are left out.
module-save-text-link = Download this page as text
module-position = Module { $number } of { $count }
module-contents = In this module
module-contents-end-quiz = The quiz and “mark as complete”
module-contents-end = Mark as complete
module-mark-complete = Mark as complete
module-pager-label = Previous and next module

## Teaching
trainer-title = Teaching
trainer-courses-empty = You do not teach a course yet. Create one below, or ask an administrator to add you to one.
trainer-new-course = New course
trainer-create = Create course
trainer-published = published
trainer-draft = draft
trainer-publish = Publish
trainer-unpublish = Unpublish
trainer-view-as-scholar = view as a scholar
trainer-modules = Modules
trainer-no-modules = No modules yet.
trainer-missing-translation = missing
trainer-history = History
trainer-move-up-label = Move { $module } up
trainer-move-down-label = Move { $module } down
trainer-new-module-slug = New module (its address name)
trainer-add-module = Add module
trainer-course-texts = Title and summary
trainer-save-course = Save course
trainer-enrol-heading = Enrol a scholar
trainer-enrol = Enrol
trainer-enrolled = { $handle } is enrolled.
trainer-trainers = Trainers
field-slug = Address name
slug-hint = Lower-case Latin letters, digits and dashes, e.g. drug-policy-basics. It appears in the address and cannot change.
field-title = Title
field-title-en = Title in English
field-summary = Summary
field-open = Open to every signed-in scholar
open-hint = Otherwise only scholars enrolled by the programme or by hand can join.
field-hours = Estimated hours
field-markdown = Text (Markdown)
markdown-hint = ## for a section heading, **bold**, - for a list, | for tables, [^1] for a footnote. Images: ![description](media/name.png).
editor-title = Module { $module }
editor-back = Back to the course
editor-language = Language
editor-preview = Preview
editor-save = Save
editor-saved = Saved as revision { $revision }.
editor-preview-heading = Preview
editor-english-reference = The English text, for reference
history-title = History of { $module }
history-revision = Revision
history-by = By
history-imported = imported from files
history-restore = Restore
history-compare = Compare
history-from = From
history-to = To
history-diff-heading = Changes from revision { $from } to { $to }
history-no-difference = No difference in the text.

## Errors
error-bad-query = The address has a parameter that could not be read.
error-slug-invalid = Use 1 to 64 lower-case Latin letters, digits and single dashes.
error-slug-taken = This address name is already used.
error-title-required = A title is needed.
error-hours-range = Hours are a whole number from 1 to 1000.
error-markdown-required = The text is empty.
error-markdown-too-long = The text may be at most { $kib } KiB.
error-position-range = A position is a whole number from 1 to 999.
error-user-unknown = There is no account with this handle or id.
error-user-not-trainer = Only trainers and administrators can teach a course.

# Taking a course along (one file)
download-heading = Take this course with you
download-intro = Download the whole course as one file to read without a connection: in any browser on your phone, or in a reading app. Quizzes stay online.
download-warning = A saved file stays on your phone until you delete it, and anyone who searches the phone can find and open it.
download-language = Language
download-real-title = Put the course's name on the file
download-real-title-hint = Without it the file is called “Course 1”, “Course 2”… so that a list of files does not name the topic.
download-submit = Download
download-neutral-title = Course { $number }
download-contents = Contents
download-footer = Saved for reading without a connection. Delete this file when you no longer need it.
error-download-format = This format is not available: choose html or epub.
download-format = File
download-format-html = One page (HTML): opens in any browser
download-format-epub = Book (EPUB): for e-readers and reading apps

course-left = Left before your certificate: { $modules ->
    [0] no module to read
    [one] one module to read
   *[other] { $modules } modules to read
}, { $quizzes ->
    [0] no quiz to pass.
    [one] one quiz to pass.
   *[other] { $quizzes } quizzes to pass.
}
module-quiz-to-pass = quiz to pass
course-trainers-title = Trainers of { $course }
course-trainers-none = Nobody teaches this course yet. Add a trainer below.
course-trainers-manage = Add or remove trainers
course-trainer-add-heading = Add a trainer
course-trainer-add-hint = The handle of an account with the trainer or administrator role. They will find a notice in their inbox.
course-trainer-add = Add trainer
course-trainer-remove = Remove
course-trainer-remove-label = Remove { $handle } from this course's trainers
course-trainer-added = The trainer was added and told in their inbox.
course-trainer-removed = The trainer was removed from this course.

## Reading without a connection
offline-heading = Read without a connection
offline-intro = Keep this course on this device to open its modules when there is no connection. What you mark as complete or answer in an untimed quiz meanwhile is sent when you are back online.
offline-warning = Kept pages stay in this browser until you remove them or sign out, and anyone who searches the phone could open them.
offline-keep = Keep this course on this device
offline-remove = Remove from this device
offline-kept = Kept on this device: its modules open without a connection.
offline-keeping = Saving the pages…
offline-failed = The course could not be kept: check the connection and try again.
offline-removed = Removed from this device.
offline-queued = No connection: this is kept on this device and will be sent when you are back online.
offline-waiting = What you did without a connection is waiting to be sent. It goes as soon as you are back online.
offline-sent = Sent what you did without a connection:
offline-sign-in = What you did without a connection is waiting: sign in again to send it.
offline-open = Open
offline-answer-kept = Kept on this device: sent when you are back online.
offline-answer-not-saved = Not saved: no connection. Keep this page open and save again when you are connected.
offline-page-title = No connection
offline-page-text = This page is not kept on this device, so it needs a connection.
offline-page-kept = Courses you kept on this device open without one: go back, or open them from their course page.
offline-done-complete = A module was marked as complete.
offline-done-answer = An answer was saved.
offline-done-submit = A quiz was submitted: see your result.
offline-refused-incomplete = Not done: the step was incomplete.
offline-refused-gone = Not done: this is no longer open to you.
offline-refused-closed = Not saved: the attempt was already closed.
offline-refused-invalid = Not saved: the answer did not fit the question.
offline-refused-gaps = Not submitted yet: some questions have no answer. Open the quiz to check and submit.
offline-too-many = At most { $count } steps can be sent at once.
offline-bad-id = A step's id must be 1 to 64 letters, digits, “-” or “_”.

## A course's images
media-title = Images
media-heading = Images of this course
media-intro = Add a photo or a diagram to show in this course's modules. Each image is shown at most 1280 pixels wide.
media-cleaned = Before an image is stored, the place where a photo was taken, the camera, the time and any other details it carries are removed, and it is scaled to fit a phone. Still check what a photo shows: faces, signs and documents can identify people.
media-file = Image file
media-file-hint = PNG, JPEG or WebP, at most { $megabytes } MB.
media-name = Name (optional)
media-name-hint = Latin letters, digits and dashes, for example “map-of-districts”. Without it, the file's own name is used. An image of the same name is replaced.
media-upload = Add the image
media-uploaded = Saved as { $name }.
media-replaced = Saved as { $name }, in place of the earlier image of that name.
media-how-to-show = To show it in a module, write:
media-description-placeholder = what the image shows
media-empty = No images yet.
media-size = { $kilobytes } KB
editor-back-to-module = Back to the module
image-refused = This file is not a PNG, JPEG or WebP image that can be read. Choose another file.
image-too-large = The file is larger than { $megabytes } MB. Choose a smaller image.
image-missing = Choose an image file.
field-minutes = Minutes to read
field-minutes-hint = About how long the module takes a reader, in any language; shown beside the module. Keep the course's hours in step with its modules' minutes.
