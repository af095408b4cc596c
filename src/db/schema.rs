//! The one diesel schema for both backends: portable column types only.

diesel::table! {
    secrets (name) {
        name -> Text,
        value -> Text,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        handle -> Text,
        handle_key -> Text,
        password_hash -> Nullable<Text>,
        role -> Text,
        locale -> Text,
        email -> Nullable<Text>,
        certificate_name -> Nullable<Text>,
        valid_after -> Timestamp,
        kept_session_id -> Nullable<Text>,
        created_at -> Timestamp,
        reminders_off -> Bool,
        certificates_by_email -> Bool,
        last_active_at -> Nullable<Timestamp>,
        inactivity_warned_at -> Nullable<Timestamp>,
        email_pending -> Nullable<Text>,
        email_pending_hash -> Nullable<Text>,
        email_pending_until -> Nullable<Timestamp>,
        handle_skeleton -> Nullable<Text>,
        totp_secret -> Nullable<Text>,
        totp_pending -> Nullable<Text>,
        totp_last_step -> Nullable<BigInt>,
        admin_since -> Nullable<Timestamp>,
        reset_sid -> Nullable<Text>,
        reset_sent_at -> Nullable<Timestamp>,
        via_onion -> Bool,
    }
}

diesel::table! {
    notices (id) {
        id -> Text,
        user_id -> Text,
        kind -> Text,
        link -> Text,
        dedupe_key -> Text,
        created_at -> Timestamp,
        read_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    recovery_codes (id) {
        id -> BigInt,
        user_id -> Text,
        code_hash -> Text,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        at -> Timestamp,
        actor_id -> Nullable<Text>,
        action -> Text,
        target_user_id -> Nullable<Text>,
        details -> Text,
        prev_hash -> Text,
        hash -> Text,
    }
}

diesel::table! {
    sessions (id) {
        id -> Text,
        user_id -> Text,
        device -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(recovery_codes -> users (user_id));
diesel::allow_tables_to_appear_in_same_query!(secrets, users, recovery_codes, audit_log);

diesel::table! {
    courses (id) {
        id -> Text,
        slug -> Text,
        open -> Bool,
        published -> Bool,
        hours -> Nullable<Integer>,
        completion -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    course_texts (course_id, locale) {
        course_id -> Text,
        locale -> Text,
        title -> Text,
        summary -> Text,
    }
}

diesel::table! {
    course_trainers (course_id, user_id) {
        course_id -> Text,
        user_id -> Text,
    }
}

diesel::table! {
    modules (id) {
        id -> Text,
        course_id -> Text,
        slug -> Text,
        position -> Integer,
        minutes -> Nullable<Integer>,
        archived -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    module_revisions (id) {
        id -> Text,
        module_id -> Text,
        revision -> Integer,
        locale -> Text,
        title -> Text,
        markdown -> Text,
        html -> Text,
        author_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    course_media (course_id, name) {
        course_id -> Text,
        name -> Text,
        content_type -> Text,
        bytes -> Binary,
        sha256 -> Text,
    }
}

diesel::table! {
    enrolments (course_id, user_id) {
        course_id -> Text,
        user_id -> Text,
        enrolled_at -> Timestamp,
        last_module_id -> Nullable<Text>,
        last_activity_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    module_progress (module_id, user_id) {
        module_id -> Text,
        user_id -> Text,
        completed_at -> Timestamp,
    }
}

diesel::table! {
    course_completions (course_id, user_id) {
        course_id -> Text,
        user_id -> Text,
        completed_at -> Timestamp,
    }
}

diesel::joinable!(course_texts -> courses (course_id));
diesel::joinable!(course_trainers -> courses (course_id));
diesel::joinable!(course_trainers -> users (user_id));
diesel::joinable!(modules -> courses (course_id));
diesel::table! {
    offline_receipts (user_id, client_id) {
        user_id -> Text,
        client_id -> Text,
        outcome -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(module_revisions -> modules (module_id));
diesel::joinable!(enrolments -> courses (course_id));
diesel::joinable!(module_progress -> modules (module_id));
diesel::allow_tables_to_appear_in_same_query!(
    courses,
    course_texts,
    course_trainers,
    modules,
    module_revisions,
    course_media,
    enrolments,
    module_progress,
    course_completions,
    users
);

diesel::table! {
    quizzes (id) {
        id -> Text,
        module_id -> Text,
        settings -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    quiz_versions (quiz_id, version) {
        quiz_id -> Text,
        version -> Integer,
        questions -> Text,
        sources -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    attempts (id) {
        id -> Text,
        quiz_id -> Text,
        version -> Integer,
        user_id -> Text,
        number -> Integer,
        locale -> Text,
        seed -> BigInt,
        layout -> Text,
        started_at -> Timestamp,
        deadline -> Nullable<Timestamp>,
        submitted_at -> Nullable<Timestamp>,
        score_milli -> Nullable<BigInt>,
        max_milli -> BigInt,
        passed -> Nullable<Bool>,
    }
}

diesel::table! {
    attempt_answers (attempt_id, question_id) {
        attempt_id -> Text,
        question_id -> Text,
        answer -> Text,
        saved_at -> Timestamp,
        score_milli -> Nullable<BigInt>,
        comment -> Nullable<Text>,
        graded_by -> Nullable<Text>,
        graded_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(quizzes -> modules (module_id));
diesel::joinable!(attempts -> quizzes (quiz_id));
diesel::joinable!(attempts -> users (user_id));
diesel::joinable!(attempt_answers -> attempts (attempt_id));
diesel::allow_tables_to_appear_in_same_query!(quizzes, quiz_versions, attempts, attempt_answers);
diesel::allow_tables_to_appear_in_same_query!(quizzes, modules);
diesel::allow_tables_to_appear_in_same_query!(quizzes, courses);
diesel::allow_tables_to_appear_in_same_query!(quizzes, users);
diesel::allow_tables_to_appear_in_same_query!(attempts, users);
diesel::allow_tables_to_appear_in_same_query!(attempts, modules);
diesel::allow_tables_to_appear_in_same_query!(attempts, courses);
diesel::allow_tables_to_appear_in_same_query!(attempt_answers, users);

diesel::table! {
    outbox (id) {
        id -> Text,
        kind -> Text,
        dedupe_key -> Text,
        user_id -> Nullable<Text>,
        recipient -> Text,
        subject -> Text,
        body -> Text,
        attachment -> Nullable<Binary>,
        attachment_name -> Nullable<Text>,
        message_id -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    certificates (id) {
        id -> Text,
        code -> Text,
        user_id -> Text,
        course_id -> Text,
        holder_name -> Text,
        course_title -> Text,
        locale -> Text,
        hours -> Nullable<Integer>,
        issuer -> Text,
        issued_at -> Timestamp,
        public -> Bool,
        revoked_at -> Nullable<Timestamp>,
        credential -> Text,
    }
}

diesel::allow_tables_to_appear_in_same_query!(certificates, course_completions);
diesel::allow_tables_to_appear_in_same_query!(certificates, users);
diesel::allow_tables_to_appear_in_same_query!(certificates, courses);

diesel::table! {
    programmes (id) {
        id -> Text,
        title -> Text,
        description -> Text,
        texts -> Text,
        countries -> Text,
        seats -> Integer,
        stipend_cents -> Nullable<BigInt>,
        currency -> Nullable<Text>,
        opens_at -> Timestamp,
        closes_at -> Timestamp,
        deadline -> Timestamp,
        course_slugs -> Text,
        criteria -> Text,
        questions -> Text,
        blind -> Bool,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        offer_days -> Integer,
    }
}

diesel::table! {
    programme_reviewers (programme_id, user_id) {
        programme_id -> Text,
        user_id -> Text,
    }
}

diesel::table! {
    applications (id) {
        id -> Text,
        programme_id -> Text,
        user_id -> Text,
        status -> Text,
        organisation -> Text,
        country -> Text,
        experience -> Text,
        motivation -> Text,
        answers -> Text,
        consent -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        submitted_at -> Nullable<Timestamp>,
        decided_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    drafted_decisions (application_id) {
        application_id -> Text,
        programme_id -> Text,
        decision -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    reviews (application_id, reviewer_id) {
        application_id -> Text,
        reviewer_id -> Text,
        conflict -> Bool,
        scores -> Text,
        comment -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    cohort_members (programme_id, user_id) {
        programme_id -> Text,
        user_id -> Text,
        joined_at -> Timestamp,
        source -> Text,
        enrolled_course_ids -> Text,
    }
}

diesel::joinable!(programme_reviewers -> programmes (programme_id));
diesel::joinable!(applications -> programmes (programme_id));
diesel::joinable!(applications -> users (user_id));
diesel::joinable!(reviews -> applications (application_id));
diesel::joinable!(cohort_members -> programmes (programme_id));
diesel::joinable!(cohort_members -> users (user_id));
diesel::allow_tables_to_appear_in_same_query!(
    programmes,
    programme_reviewers,
    applications,
    reviews,
    cohort_members,
    users
);
diesel::allow_tables_to_appear_in_same_query!(cohort_members, enrolments);
diesel::allow_tables_to_appear_in_same_query!(cohort_members, module_progress);
diesel::allow_tables_to_appear_in_same_query!(cohort_members, course_completions);
diesel::allow_tables_to_appear_in_same_query!(cohort_members, certificates);

diesel::table! {
    rate_events (id) {
        id -> BigInt,
        key_hash -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    content_version (id) {
        id -> Integer,
        version -> BigInt,
    }
}
