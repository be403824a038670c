import Foundation
import Glibc

/// Removes the temporary files of outputs still being written when the process is
/// interrupted (Ctrl-C, `kill`, a closed terminal), so an aborted run leaves no
/// `.NAME.tmp-XXXXXX` beside its targets; the targets themselves are untouched anyway.
///
/// A signal handler may only do async-signal-safe work, so the paths live in C buffers
/// allocated once per slot and never freed, flagged in use by a plain word store: the
/// handler reads them without locks or allocation, unlinks, then re-raises the signal
/// with its default action (the exit status still says which signal ended the run).
public enum TemporaryFileCleanup {
    /// More outputs than this in flight are still written, just not cleaned on a signal.
    static let capacity = 4096
    private static let pathCapacity = Int(PATH_MAX) + 1

    nonisolated(unsafe) private static let paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let p = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        p.initialize(repeating: nil, count: capacity)
        return p
    }()
    nonisolated(unsafe) private static let inUse: UnsafeMutablePointer<Int> = {
        let p = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        p.initialize(repeating: 0, count: capacity)
        return p
    }()
    private static let lock = NSLock()

    /// Records `path` for removal on a signal; returns its slot (nil when full or too long).
    static func register(_ path: String) -> Int? {
        let bytes = Array(path.utf8CString)
        guard bytes.count <= pathCapacity else { return nil }
        lock.lock()
        defer { lock.unlock() }
        for slot in 0..<capacity where inUse[slot] == 0 {
            let buffer = paths[slot] ?? UnsafeMutablePointer<CChar>.allocate(capacity: pathCapacity)
            paths[slot] = buffer
            bytes.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: bytes.count) }
            inUse[slot] = 1  // last: the handler never sees a half-copied path
            return slot
        }
        return nil
    }

    static func unregister(_ slot: Int) {
        lock.lock()
        inUse[slot] = 0
        lock.unlock()
    }

    /// The paths registered now (for tests).
    static var registered: [String] {
        lock.lock()
        defer { lock.unlock() }
        return (0..<capacity).filter { inUse[$0] != 0 }.map { String(cString: paths[$0]!) }
    }

    /// Installs the handler for SIGINT, SIGTERM and SIGHUP (a signal the parent set to be
    /// ignored, as `nohup` does, stays ignored). Call it once, from a command-line tool:
    /// a library should not take over its host's signals.
    public static func installSignalHandlers() {
        _ = paths
        _ = inUse  // initialized now: the handler must not run a lazy initializer
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var old = sigaction()
            sigaction(signal, nil, &old)
            if let handler = old.__sigaction_handler.sa_handler,
               unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = removeAndReraise
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            sigaction(signal, &action, nil)
        }
    }

    private static let removeAndReraise: @convention(c) (Int32) -> Void = { signal in
        for slot in 0..<TemporaryFileCleanup.capacity where TemporaryFileCleanup.inUse[slot] != 0 {
            if let path = TemporaryFileCleanup.paths[slot] { unlink(path) }
        }
        // SA_RESETHAND restored the default action: this ends the process with the signal.
        raise(signal)
    }
}
