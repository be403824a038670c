import FAQEmitters
import Foundation
import Glibc

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
/// link stays and the file it names is replaced (or created, when the link dangles); a
/// device, FIFO or socket (`-o /dev/null`, `-o /dev/stderr` on a pipe) is written in place
/// through the path given, since it cannot be replaced and holds nothing to lose. A FIFO
/// is opened as any Unix tool opens one: the write waits for a reader.
public final class PendingFile: @unchecked Sendable {
    /// The target as given (for messages).
    public let path: String
    /// Where the bytes go until `commit`: the temporary file, or the device itself.
    private let writePath: String
    /// What `commit` renames over; nil for a device, written in place.
    private let replaced: String?
    /// The temporary file's identity: `open` refuses whatever else took its name.
    private var identity: (device: UInt, inode: UInt) = (0, 0)
    private var fd: Int32 = -1
    private var cleanupSlot: TemporaryFileCleanup.Slot?
    private var done = false

    public init(replacing path: String) throws {
        self.path = path
        var info = stat()
        // stat follows every link, /proc's magic ones included (`/dev/stdout` on a pipe).
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                throw AtomicFile.WriteError(path: path, reason: "is a directory")
            case S_IFREG:
                break
            default:
                writePath = path
                replaced = nil
                return
            }
        } else if errno == ELOOP {
            throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(ELOOP)))
        }
        let target = try Self.fileToReplace(path)
        let url = URL(fileURLWithPath: target)
        let directory = url.deletingLastPathComponent().path
        var template = Array((directory + "/." + url.lastPathComponent + ".tmp-XXXXXX").utf8CString)
        // Created and registered with signals held: a signal in between would leave it.
        let (created, failure, slot) = TemporaryFileCleanup.deferringSignals { () -> (Int32, Int32, TemporaryFileCleanup.Slot?) in
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { return (fd, errno, nil) }
            return (fd, 0, TemporaryFileCleanup.register(String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)))
        }
        guard created >= 0 else { throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(failure))) }
        // New files get the usual permissions (mkstemp makes them 0600).
        fchmod(created, 0o666 & ~FileCreationMask.current)
        var made = stat()
        fstat(created, &made)
        identity = (UInt(made.st_dev), UInt(made.st_ino))
        close(created)
        writePath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        replaced = target
        cleanupSlot = slot
    }

    /// The path whose rename replaces `path`: `path` itself, or, when it is a symbolic
    /// link, the path at the end of its chain of links (which may not exist yet).
    private static func fileToReplace(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {  // Linux's own limit on links followed
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else { throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno))) }
            let destination = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/")
                ? destination
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(destination).path
        }
        throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(ELOOP)))
    }

    deinit {
        if !done { discard() }
    }

    /// Opens the file for writing; the sink writes straight into it.
    public func open() throws -> OutputSink {
        precondition(fd < 0, "PendingFile opened twice")
        // The temporary file is new and empty: no O_TRUNC, which would cut whatever else
        // had taken its name before the check below.
        let flags = replaced == nil ? O_WRONLY | O_CLOEXEC : O_WRONLY | O_CLOEXEC | O_NOFOLLOW
        fd = Glibc.open(writePath, flags)
        guard fd >= 0 else { throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno))) }
        if replaced != nil {
            // The name was free to take between init and now: write only the file made then.
            var info = stat()
            guard fstat(fd, &info) == 0, (UInt(info.st_dev), UInt(info.st_ino)) == identity else {
                close(fd)
                fd = -1
                throw AtomicFile.WriteError(path: path, reason: "its temporary file \(writePath) was replaced by another")
            }
        }
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
