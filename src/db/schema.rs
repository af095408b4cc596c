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
    }
}

diesel::joinable!(recovery_codes -> users (user_id));
diesel::allow_tables_to_appear_in_same_query!(secrets, users, recovery_codes, audit_log);
