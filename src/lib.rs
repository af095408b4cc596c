//! Pravo: a learning platform for scholarship training programmes.

pub mod accounts;
pub mod api;
pub mod app;
pub mod auth;
pub mod certificates;
pub mod config;
pub mod core;
pub mod course_files;
pub mod courses;
pub mod db;
pub mod home;
pub mod i18n;
pub mod mail;
pub mod progress;
pub mod quizzes;
pub mod reminders;
pub mod scholarships;
pub mod web;
