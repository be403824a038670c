import Foundation
import Glibc

/// The files of one run, all or nothing: the output directory of `Destination.directory`
/// (made when missing, with any missing parent), a temporary file per target before any
/// emitter runs (`prepare`: an unwritable target fails the run before the work), then
/// every target renamed in (`commit`) or every temporary file removed (`discard`).
/// `close` ends it: the directories it made are removed again when nothing was written.
///
/// Signals (`TemporaryFileCleanup`): the directories are registered before they exist and
/// the temporary files as they are made, so a signal at any point removes them again; the
/// renames hold signals until the last one, so no run is left half committed.
final class OutputCommit {
    /// The temporary file of each output, in the jobs' order (nil for one kept in memory).
    private(set) var pending: [PendingFile?] = []
    /// The directories this run made for the output directory, leaf first.
    private let createdDirectories: [String]
    private let directorySlots: [TemporaryFileCleanup.Slot]
    /// Set once a target holds new bytes: the directories made then stay.
    private var wroteSomething = false

    /// Makes the output directory of `destination`, if any, and what is missing above it.
    init(_ destination: Exporter.Destination) throws {
        guard case .directory(let outputDir) = destination else {
            createdDirectories = []
            directorySlots = []
            return
        }
        var created: [String] = []
        var missing = URL(fileURLWithPath: outputDir).standardizedFileURL
        while missing.path != "/", !FileManager.default.fileExists(atPath: missing.path) {
            created.append(missing.path)
            missing = missing.deletingLastPathComponent()
        }
        // Registered before they exist, so a signal at any point removes them again
        // (they stay empty unless outputs were renamed in).
        let slots = TemporaryFileCleanup.registerCreatedDirectories(created)
        do {
            try FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true)
        } catch {
            for directory in created { rmdir(directory) }
            slots.forEach(TemporaryFileCleanup.unregister)
            throw Exporter.DirectoryNotCreated(path: outputDir, reason: Self.whyNotCreated(outputDir, error))
        }
        createdDirectories = created
        directorySlots = slots
    }

    /// Creates the temporary file of every target (nil: an output kept in memory). They
    /// are not open yet: see `PendingFile`.
    func prepare(_ targets: [String?]) throws {
        do {
            for target in targets { pending.append(try target.map(PendingFile.init(replacing:))) }
        } catch {
            discard()
            throw error
        }
    }

    /// Removes every temporary file; no target is touched.
    func discard() {
        for file in pending { file?.discard() }
    }

    /// Renames every temporary file over its target.
    func commit() throws {
        // A signal now would leave some targets replaced and others not: it waits.
        try TemporaryFileCleanup.deferringSignals {
            for (position, file) in pending.enumerated() {
                guard let file else { continue }
                do {
                    try file.commit()
                } catch {
                    for later in pending[(position + 1)...] { later?.discard() }
                    let written = pending[..<position].compactMap { $0?.path }
                    wroteSomething = !written.isEmpty
                    throw Exporter.CommitError(error: error, written: written)
                }
            }
        }
        wroteSomething = true
    }

    /// Removes the directories this run made when it wrote nothing (they are empty then).
    func close() {
        if !wroteSomething { for directory in createdDirectories { rmdir(directory) } }
        directorySlots.forEach(TemporaryFileCleanup.unregister)
    }

    /// Why `path` could not be made, in the words of the file system (Foundation's own text
    /// is "NSCocoaErrorDomain error 512").
    static func whyNotCreated(_ path: String, _ error: Error) -> String {
        var ancestor = URL(fileURLWithPath: path).standardizedFileURL
        while ancestor.path != "/" {
            var info = stat()
            if stat(ancestor.path, &info) == 0 {
                if info.st_mode & S_IFMT != S_IFDIR { return "\(ancestor.path) is not a directory" }
                if access(ancestor.path, W_OK | X_OK) != 0 { return "\(ancestor.path): \(String(cString: strerror(errno)))" }
                break
            }
            ancestor = ancestor.deletingLastPathComponent()
        }
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let code = underlying?.code, underlying?.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(code))) }
        return error.localizedDescription
    }
}
