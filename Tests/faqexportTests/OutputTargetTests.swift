import FAQEmitters
@testable import FAQExport
import FAQTestSupport
import Foundation
import Glibc
import Testing

/// What happens to the targets of a run: refused before any work when one cannot be
/// replaced, written with the user's umask, links and devices honoured, few descriptors
/// held, and no temporary file left by a failure or a signal.
@Suite struct OutputTargetTests {
    static let small = Array("---\ntitle: Small\nname: small\n---\n\n## Q?\n\nA.\n".utf8)

    func temporaryFiles(in dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
    }

    @Test func aTargetThatIsADirectoryFailsTheRunBeforeAnyFileIsReplaced() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("old".utf8).write(to: dir.appendingPathComponent("small.json"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("small.txt"), withIntermediateDirectories: false)
        let exporter = Exporter(emitOptions: EmitOptions(timestamp: 0))
        let read = exporter.read([Exporter.Input(path: "small.md", bytes: Self.small)])
        // JSON comes first in the order of commits: it must not be replaced either.
        #expect(throws: AtomicFile.WriteError.self) {
            try exporter.emit(read.documents, formats: [.json, .text], to: .directory(dir.path))
        }
        #expect(try String(contentsOf: dir.appendingPathComponent("small.json"), encoding: .utf8) == "old")
        #expect(try temporaryFiles(in: dir).isEmpty)
        #expect(TemporaryFileCleanup.registered.allSatisfy { !$0.hasPrefix(dir.path) })
    }

    @Test func severalOutputsToOneFileAreRefused() throws {
        let exporter = Exporter(emitOptions: EmitOptions(timestamp: 0))
        let read = exporter.read([Exporter.Input(path: "small.md", bytes: Self.small)])
        #expect(throws: Exporter.SeveralOutputsToOneFile.self) {
            try exporter.emit(read.documents, formats: [.json, .man], to: .file("/tmp/never-written"))
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written"))
    }

    @Test func aPendingFileIsRegisteredForCleanupUntilCommittedOrDropped() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("out.txt").path
        let committed = try PendingFile(replacing: target)
        let mine = { TemporaryFileCleanup.registered.filter { $0.hasPrefix(dir.path) } }
        #expect(mine().count == 1)
        try committed.open().write(Array("new".utf8))
        try committed.finish()
        try committed.commit()
        #expect(mine().isEmpty)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
        do {
            let dropped = try PendingFile(replacing: target)
            _ = dropped
            #expect(mine().count == 1)
        }  // never committed: deinit removes it
        #expect(mine().isEmpty)
        #expect(try temporaryFiles(in: dir).isEmpty)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
    }

    @Test func newFilesFollowTheUmask() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("small.md")
        try Data(Self.small).write(to: input)
        let run = try ExternalTool.run(
            ["/bin/sh", "-c", "umask 027 && exec \"$0\" -q --output-dir out small.md", CLI.binary], directory: dir)
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["small.7", "small.json", "small.epub"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("out/" + name).path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640, "\(name)")
        }
    }

    @Test func aLinkIsFollowedAndADeviceWrittenInPlace() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("small.md")
        try Data(Self.small).write(to: input)
        try Data("old".utf8).write(to: dir.appendingPathComponent("real.7"))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.7").path, withDestinationPath: "real.7")
        let linked = try CLI.run(["-f", "man", "-o", "link.7", "small.md"], in: dir)
        #expect(linked.status == 0, "\(linked.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("link.7").path) == "real.7")
        #expect(try String(contentsOf: dir.appendingPathComponent("real.7"), encoding: .utf8).hasPrefix(".\\\""))
        let discarded = try CLI.run(["-f", "man", "-o", "/dev/null", "small.md"], in: dir)
        #expect(discarded.status == 0, "\(discarded.stderr)")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }

    /// One descriptor per output would fail here with EMFILE (1,200 outputs, 64 descriptors).
    @Test func manyOutputsNeedFewDescriptors() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var names: [String] = []
        for i in 0..<200 {
            let name = "in\(i).md"
            try Data("---\ntitle: T\(i)\n---\n\n## Q?\n\nA.\n".utf8).write(to: dir.appendingPathComponent(name))
            names.append(name)
        }
        let run = try ExternalTool.run(
            ["/bin/sh", "-c", "ulimit -n 64 && exec \"$0\" -q --output-dir out \"$@\"", CLI.binary] + names, directory: dir)
        #expect(run.status == 0, "\(run.stderr.prefix(300))")
        let written = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path)
        #expect(written.count == 200 * 5 + 1)  // one EPUB binds every input
    }

    /// A FIFO among the targets is opened in place, which blocks until it has a reader:
    /// the run is held with the other outputs' temporary files on disk, and SIGTERM then
    /// must remove them and end the process by that signal.
    @Test func aSignalRemovesTheTemporaryFiles() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.small).write(to: dir.appendingPathComponent("small.md"))
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        #expect(mkfifo(out.appendingPathComponent("small.7").path, 0o600) == 0)
        // The test runner's threads block SIGTERM and a child inherits that mask: start
        // faqexport with none blocked, as a shell would.
        let unblocked = "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", unblocked, CLI.binary, "-q", "--output-dir", "out", "small.md"]
        process.currentDirectoryURL = dir
        process.environment = ProcessInfo.processInfo.environment.merging(["SOURCE_DATE_EPOCH": "0"]) { $1 }
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while try temporaryFiles(in: out).count < 5, Date() < deadline { usleep(20_000) }
        #expect(try temporaryFiles(in: out).count == 5)
        process.terminate()  // SIGTERM
        let stopped = Date().addingTimeInterval(30)
        while process.isRunning, Date() < stopped { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }  // fail, do not hang
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGTERM)
        #expect(try temporaryFiles(in: out).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["small.7"])
    }
}
