//! The one integration-test binary: every behaviour runs against the real application over HTTP, on
//! SQLite and on PostgreSQL.

mod helpers;

mod grading_queue;
mod hostile_content;
mod images;
mod inbox;

mod accounts;
mod admin;
mod backup;
mod blind_review;
mod browser;
mod certificates;
mod cli;
mod course_files;
mod courses;
mod download;
mod drafted_decisions;
mod faults;
mod mail;
mod offline;
mod onion;
mod openapi;
mod operations;
mod page_weight;
mod people;
mod privacy;
mod private_files;
mod query_counts;
mod quiz_cache;
mod quizzes;
mod reading_cache;
mod reminders;
mod reviewer_nav;
mod robustness;
mod schemathesis;
mod scholarship_pages;
mod scholarships;
mod second_factor;
mod security;
mod sessions;
mod shell;
mod staffing;
mod structure;
mod translations;
mod typed_text;
mod xss;
