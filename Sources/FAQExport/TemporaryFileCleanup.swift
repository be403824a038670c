import Foundation
import Glibc

/// Removes the temporary files of outputs still being written when the process is
/// interrupted (Ctrl-C, `kill`, a closed terminal), so an aborted run leaves no
/// `.NAME.tmp-XXXXXX` beside its targets; the targets themselves are untouched anyway.
///
/// A signal handler may only do async-signal-safe work, so the paths live in C buffers
/// that are never freed, in chunks of slots that are only ever appended (a run may hold
/// any number of temporary files at once) and flagged in use by a plain word store: the
/// handler walks them without locks or allocation, unlinks, then re-raises the signal
/// with its default action (the exit status still says which signal ended the run).
/// While the targets are being renamed (`deferringSignals`) a signal is held until the
/// last rename, so a run is never left with some targets replaced and others not.
public enum TemporaryFileCleanup {
    static let slotsPerChunk = 1024

    struct Chunk {
        var paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
        var capacities: UnsafeMutablePointer<Int>
        var inUse: UnsafeMutablePointer<Int>
        var next: UnsafeMutablePointer<Chunk>?

        static func make() -> UnsafeMutablePointer<Chunk> {
            let paths = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: slotsPerChunk)
            paths.initialize(repeating: nil, count: slotsPerChunk)
            let capacities = UnsafeMutablePointer<Int>.allocate(capacity: slotsPerChunk)
            capacities.initialize(repeating: 0, count: slotsPerChunk)
            let inUse = UnsafeMutablePointer<Int>.allocate(capacity: slotsPerChunk)
            inUse.initialize(repeating: 0, count: slotsPerChunk)
            let chunk = UnsafeMutablePointer<Chunk>.allocate(capacity: 1)
            chunk.initialize(to: Chunk(paths: paths, capacities: capacities, inUse: inUse, next: nil))
            return chunk
        }
    }

    /// Where one registered path lives.
    public struct Slot: @unchecked Sendable {
        let chunk: UnsafeMutablePointer<Chunk>
        let index: Int
    }

    nonisolated(unsafe) private static let first = Chunk.make()
    /// [0]: how many `deferringSignals` bodies run now (signals held while > 0); [1]: the
    /// signal held meanwhile, or 0.
    nonisolated(unsafe) private static let state: UnsafeMutablePointer<Int> = {
        let p = UnsafeMutablePointer<Int>.allocate(capacity: 2)
        p.initialize(repeating: 0, count: 2)
        return p
    }()
    private static let lock = NSLock()

    /// Records `path` for removal on a signal: a file is unlinked; a directory (the output
    /// directories a run created) is removed after the files, if it is empty by then.
    static func register(_ path: String, directory: Bool = false) -> Slot {
        let bytes = Array(path.utf8CString)
        lock.lock()
        defer { lock.unlock() }
        var chunk = first
        while true {
            for index in 0..<slotsPerChunk where chunk.pointee.inUse[index] == 0 {
                if chunk.pointee.capacities[index] < bytes.count {
                    // The old buffer is not freed: the handler may be reading it right now.
                    chunk.pointee.paths[index] = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
                    chunk.pointee.capacities[index] = bytes.count
                }
                let buffer = chunk.pointee.paths[index]!
                bytes.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: bytes.count) }
                chunk.pointee.inUse[index] = directory ? 2 : 1  // last: the handler never sees a half-copied path
                return Slot(chunk: chunk, index: index)
            }
            // Full: a new chunk, complete before it is linked where the handler can see it.
            if chunk.pointee.next == nil { chunk.pointee.next = Chunk.make() }
            chunk = chunk.pointee.next!
        }
    }

    /// Directories this run created, removed on a signal when still empty (leaf first).
    public static func registerCreatedDirectories(_ paths: [String]) -> [Slot] {
        paths.map { register($0, directory: true) }
    }

    public static func unregister(_ slot: Slot) {
        lock.lock()
        slot.chunk.pointee.inUse[slot.index] = 0
        lock.unlock()
    }

    /// The paths registered now (for tests).
    static var registered: [String] {
        lock.lock()
        defer { lock.unlock() }
        var found: [String] = []
        var chunk: UnsafeMutablePointer<Chunk>? = first
        while let current = chunk {
            for index in 0..<slotsPerChunk where current.pointee.inUse[index] != 0 {
                found.append(String(cString: current.pointee.paths[index]!))
            }
            chunk = current.pointee.next
        }
        return found
    }

    /// Runs `body` (the renames of a run) with SIGINT, SIGTERM and SIGHUP held: one that
    /// arrives meanwhile takes effect when `body` returns, with the run complete.
    /// Also used around creating and registering a temporary file, so a signal in between
    /// cannot leave an unregistered file behind. Nests, and may run on several threads.
    static func deferringSignals<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        state[0] += 1
        lock.unlock()
        defer {
            lock.lock()
            state[0] -= 1
            let last = state[0] == 0
            lock.unlock()
            let held = Int32(truncatingIfNeeded: state[1])
            if last, held != 0 { removeAll(); raise(held) }
        }
        return try body()
    }

    /// Installs the handler for SIGINT, SIGTERM and SIGHUP (a signal the parent set to be
    /// ignored, as `nohup` does, stays ignored), and ignores SIGPIPE and SIGXFSZ, so a
    /// reader that goes away or a file-size limit is a write error (EPIPE, EFBIG) that the
    /// run reports and cleans up after, not a silent death that leaves temporary files.
    /// Call it once, from a command-line tool: a library should not take over its host's
    /// signals.
    public static func installSignalHandlers() {
        _ = first
        _ = state  // initialized now: the handler must not run a lazy initializer
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var old = sigaction()
            sigaction(signal, nil, &old)
            if let handler = old.__sigaction_handler.sa_handler,
               unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = removeAndReraise
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(truncatingIfNeeded: UInt32(SA_RESETHAND) | UInt32(SA_RESTART))
            sigaction(signal, &action, nil)
        }
    }

    /// Unlinks every registered file, then removes the registered directories that are
    /// empty now, in the order they were registered; async-signal-safe.
    private static func removeAll() {
        for kind in 1...2 {
            var chunk: UnsafeMutablePointer<Chunk>? = first
            while let current = chunk {
                for index in 0..<slotsPerChunk where current.pointee.inUse[index] == kind {
                    guard let path = current.pointee.paths[index] else { continue }
                    if kind == 1 { unlink(path) } else { rmdir(path) }
                }
                chunk = current.pointee.next
            }
        }
    }

    private static let removeAndReraise: @convention(c) (Int32) -> Void = { signal in
        // SA_RESETHAND restored the default action: raising ends the process with the
        // signal, now or, during the renames, when they are done.
        if TemporaryFileCleanup.state[0] != 0 {
            TemporaryFileCleanup.state[1] = Int(signal)
            return
        }
        TemporaryFileCleanup.removeAll()
        raise(signal)
    }
}
