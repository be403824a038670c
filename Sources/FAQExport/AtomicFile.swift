import FAQEmitters
import Foundation
import Glibc

/// Writes a file so that readers see the old bytes or the new ones, never a mix: a temporary
/// file beside the target, flushed, then renamed over it. On failure nothing is left behind.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): error: cannot write: \(reason)" }
    }

    public static func write(_ bytes: [UInt8], to path: String) throws {
        let file = try PendingFile(replacing: path)
        do {
            try file.open().write(bytes)
            try file.finish()
        } catch {
            file.discard()
            throw file.error(error)
        }
        try file.commit()
    }
}

/// The temporary file of one output: created beside the target (`init`, so an unwritable
/// target fails a run before any work), written through the sink `open` returns (an
/// emitter streams into it), flushed by `finish`, then renamed over the target (`commit`)
/// or removed (`discard`, also on deinit), so a run that fails leaves every target as it was.
///
/// No descriptor is held between `init` and `open`: a run with thousands of outputs keeps
/// only the files being written open (one per core), not one per output.
///
/// Targets that are not regular files: a directory is refused at once (a rename onto it
/// would fail only after other targets were replaced); a symbolic link is followed, so the
/// link stays and the file it names is replaced; a device or FIFO (`-o /dev/null`, a pipe)
/// is written in place, since it cannot be replaced and holds nothing to lose.
public final class PendingFile: @unchecked Sendable {
    /// The target as given (for messages).
    public let path: String
    /// Where the bytes go until `commit`: the temporary file, or the device itself.
    private let writePath: String
    /// What `commit` renames over; nil for a device, written in place.
    private let replaced: String?
    private var fd: Int32 = -1
    private var cleanupSlot: Int?
    private var done = false

    public init(replacing path: String) throws {
        self.path = path
        var target = path
        var info = stat()
        if lstat(path, &info) != 0 {
            info = stat()  // no such file yet: a new one
        } else if info.st_mode & S_IFMT == S_IFLNK {
            // A link to an existing file is followed; a dangling one is replaced.
            var pointed = stat()
            if stat(path, &pointed) == 0, let real = realpath(path, nil) {
                target = String(cString: real)
                free(real)
                info = pointed
            } else {
                info = stat()
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            throw AtomicFile.WriteError(path: path, reason: "is a directory")
        case S_IFCHR, S_IFIFO, S_IFSOCK, S_IFBLK:
            writePath = target
            replaced = nil
            return
        default:
            break
        }
        let url = URL(fileURLWithPath: target)
        let directory = url.deletingLastPathComponent().path
        var template = Array((directory + "/." + url.lastPathComponent + ".tmp-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard created >= 0 else { throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno))) }
        // New files get the usual permissions (mkstemp makes them 0600).
        fchmod(created, 0o666 & ~FileCreationMask.current)
        close(created)
        writePath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        replaced = target
        cleanupSlot = TemporaryFileCleanup.register(writePath)
    }

    deinit {
        if !done { discard() }
    }

    /// Opens the file for writing; the sink writes straight into it.
    public func open() throws -> OutputSink {
        precondition(fd < 0, "PendingFile opened twice")
        let flags = replaced == nil ? O_WRONLY | O_CLOEXEC : O_WRONLY | O_TRUNC | O_CLOEXEC
        fd = Glibc.open(writePath, flags)
        guard fd >= 0 else { throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno))) }
        return OutputSink(fileDescriptor: fd)
    }

    /// Flushes and closes; the file stays temporary until `commit`.
    public func finish() throws {
        guard fd >= 0 else { return }
        defer {
            close(fd)
            fd = -1
        }
        // A device or pipe cannot be synced (EINVAL) and need not be.
        if replaced != nil, fsync(fd) != 0 {
            throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno)))
        }
    }

    public func commit() throws {
        precondition(fd < 0, "PendingFile committed before finish")
        guard let replaced, !done else { return }
        done = true
        defer { unregister() }
        guard rename(writePath, replaced) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(writePath)
            throw AtomicFile.WriteError(path: path, reason: reason)
        }
    }

    public func discard() {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
        guard !done else { return }
        done = true
        if replaced != nil { unlink(writePath) }
        unregister()
    }

    private func unregister() {
        if let slot = cleanupSlot { TemporaryFileCleanup.unregister(slot) }
        cleanupSlot = nil
    }

    /// `error` as a `WriteError` naming the target.
    func error(_ error: Error) -> AtomicFile.WriteError {
        error as? AtomicFile.WriteError ?? AtomicFile.WriteError(path: path, reason: "\(error)")
    }
}

/// The process's file-creation mask, read without changing it: `umask()` can only be read
/// by setting it, which races with files created meanwhile by other threads (the emitters
/// run concurrently). Linux reports it in /proc/self/status; elsewhere it is read once.
enum FileCreationMask {
    static var current: mode_t {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
           let mask = mode_t(line.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8) {
            return mask
        }
        return fallback
    }

    private static let fallback: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()
}
