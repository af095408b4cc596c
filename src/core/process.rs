//! Settings of the running process that are not files: the allocator's arenas.

/// Keeps glibc from giving every thread its own malloc arena (up to eight per core), which multiplies the
/// memory a server keeps after a burst of requests; two arenas serve two cores.
pub fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator tuning parameter; called before any thread starts.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}
