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
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("never-written").path
        let exporter = Exporter(emitOptions: EmitOptions(timestamp: 0))
        let read = exporter.read([Exporter.Input(path: "small.md", bytes: Self.small)])
        #expect(throws: Exporter.SeveralOutputsToOneFile.self) {
            try exporter.emit(read.documents, formats: [.json, .man], to: .file(target))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
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
            withExtendedLifetime(dropped) { #expect(mine().count == 1) }
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

    @Test func aLinkIsFollowedToTheFileItNamesEvenWhenThatDoesNotExistYet() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.small).write(to: dir.appendingPathComponent("small.md"))
        try Data("old".utf8).write(to: dir.appendingPathComponent("real.7"))
        let links = FileManager.default
        try links.createSymbolicLink(atPath: dir.appendingPathComponent("link.7").path, withDestinationPath: "real.7")
        let linked = try CLI.run(["-f", "man", "-o", "link.7", "small.md"], in: dir)
        #expect(linked.status == 0, "\(linked.stderr)")
        #expect(try links.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("link.7").path) == "real.7")
        #expect(try String(contentsOf: dir.appendingPathComponent("real.7"), encoding: .utf8).hasPrefix(".\\\""))
        // A dangling link (through a second link) creates the file at the end of the chain.
        try links.createSymbolicLink(atPath: dir.appendingPathComponent("hop.7").path, withDestinationPath: "sub/new.7")
        try links.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: false)
        try links.createSymbolicLink(atPath: dir.appendingPathComponent("dangling.7").path, withDestinationPath: "hop.7")
        let dangling = try CLI.run(["-f", "man", "-o", "dangling.7", "small.md"], in: dir)
        #expect(dangling.status == 0, "\(dangling.stderr)")
        #expect(try links.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("dangling.7").path) == "hop.7")
        #expect(try String(contentsOf: dir.appendingPathComponent("sub/new.7"), encoding: .utf8).hasPrefix(".\\\""))
        // A loop is an error, and neither link is touched.
        try links.createSymbolicLink(atPath: dir.appendingPathComponent("a.7").path, withDestinationPath: "b.7")
        try links.createSymbolicLink(atPath: dir.appendingPathComponent("b.7").path, withDestinationPath: "a.7")
        let loop = try CLI.run(["-f", "man", "-o", "a.7", "small.md"], in: dir)
        #expect(loop.status == 1)
        #expect(loop.stderr.contains("a.7: error: cannot write: Too many levels of symbolic links"), "\(loop.stderr)")
        #expect(try links.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("a.7").path) == "b.7")
        #expect(try temporaryFiles(in: dir).isEmpty)
    }

    /// A FIFO is written in place, through a link too: the link and the FIFO stay.
    @Test func aFIFOBehindALinkIsWrittenInPlace() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.small).write(to: dir.appendingPathComponent("small.md"))
        #expect(mkfifo(dir.appendingPathComponent("fifo").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("page.7").path, withDestinationPath: "fifo")
        let run = try ExternalTool.run(
            ["/bin/sh", "-c", "cat fifo > got & \"$0\" -f man -o page.7 small.md; status=$?; wait; exit $status", CLI.binary],
            environment: ["SOURCE_DATE_EPOCH": "0"], directory: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOf: dir.appendingPathComponent("got"), encoding: .utf8).hasPrefix(".\\\""))
        var info = stat()
        #expect(lstat(dir.appendingPathComponent("fifo").path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("page.7").path) == "fifo")
        #expect(try temporaryFiles(in: dir).isEmpty)
    }

    /// `-o -` and `-o /dev/stdout` are standard output itself: a redirection that appends
    /// still appends. Another descriptor that is a pipe (standard error here) is written in
    /// place, never replaced by a file. (Named through /proc, where nothing can be renamed:
    /// a regression must not replace the machine's /dev/stderr.)
    @Test func standardOutputAndPipesAreWrittenNotReplaced() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.small).write(to: dir.appendingPathComponent("small.md"))
        let dash = try CLI.run(["-f", "man", "-o", "-", "small.md"], in: dir)
        #expect(dash.status == 0 && dash.stdout.hasPrefix(".\\\""), "\(dash.stderr)")
        try Data("old log\n".utf8).write(to: dir.appendingPathComponent("log"))
        let appended = try ExternalTool.run(
            ["/bin/sh", "-c", "\"$0\" -f man -o /dev/stdout small.md >> log", CLI.binary],
            environment: ["SOURCE_DATE_EPOCH": "0"], directory: dir)
        #expect(appended.status == 0, "\(appended.stderr)")
        let log = try String(contentsOf: dir.appendingPathComponent("log"), encoding: .utf8)
        #expect(log.hasPrefix("old log\n.\\\""), "\(log.prefix(40))")
        let piped = try CLI.run(["-f", "man", "-o", "/proc/self/fd/2", "small.md"], in: dir)
        #expect(piped.status == 0)
        #expect(piped.stderr.hasPrefix(".\\\""), "\(piped.stderr.prefix(200))")
    }

    /// A reader that goes away is a write error (EPIPE), not a silent death by SIGPIPE:
    /// the run says so, fails, and leaves no temporary file. The reader holds the FIFO
    /// open without reading until faqexport has filled the pipe, then closes it.
    @Test func aReaderThatGoesAwayFailsTheRunCleanly() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var big = "---\ntitle: Big\nname: big\n---\n\n"
        for i in 0..<2000 { big += "## Question number \(i)?\n\nAn answer long enough to fill a pipe quickly, number \(i).\n\n" }
        try Data(big.utf8).write(to: dir.appendingPathComponent("big.md"))
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        #expect(mkfifo(out.appendingPathComponent("big.7").path, 0o600) == 0)
        let run = try ExternalTool.run(
            ["/bin/sh", "-c", "(exec 3<out/big.7; sleep 1) & \"$0\" -q --output-dir out big.md; status=$?; wait; exit $status", CLI.binary],
            environment: ["SOURCE_DATE_EPOCH": "0"], directory: dir)
        #expect(run.status == 1)
        #expect(run.stderr.contains("big.7: error: cannot write: Broken pipe"), "\(run.stderr.prefix(300))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["big.7"])
    }

    /// A file-size limit is a write error (EFBIG), not a death by SIGXFSZ; the run fails
    /// and removes every directory it made for `--output-dir`, not only the last.
    @Test func aFileSizeLimitFailsTheRunAndRemovesTheDirectoriesItMade() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.small).write(to: dir.appendingPathComponent("small.md"))
        let run = try ExternalTool.run(
            ["/bin/sh", "-c", "ulimit -f 0 && exec \"$0\" -q --output-dir a/b/c small.md", CLI.binary],
            environment: ["SOURCE_DATE_EPOCH": "0"], directory: dir)
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: cannot write: File too large"), "\(run.stderr.prefix(300))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["small.md"])
    }

    /// Every path stays registered, however many outputs a run holds at once.
    @Test func theCleanupRegistryHasNoFixedCapacity() throws {
        let count = TemporaryFileCleanup.slotsPerChunk * 3 + 7
        let slots = (0..<count).map { TemporaryFileCleanup.register("/nonexistent/registry-test/\($0)") }
        let mine = { TemporaryFileCleanup.registered.filter { $0.hasPrefix("/nonexistent/registry-test/") } }
        #expect(Set(mine()) == Set((0..<count).map { "/nonexistent/registry-test/\($0)" }))
        for slot in slots { TemporaryFileCleanup.unregister(slot) }
        #expect(mine().isEmpty)
        // A longer path reuses a freed slot with a buffer of its own.
        let long = "/nonexistent/registry-test/" + String(repeating: "x", count: 3000)
        let slot = TemporaryFileCleanup.register(long)
        #expect(mine() == [long])
        TemporaryFileCleanup.unregister(slot)
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

    /// Starts faqexport with `arguments` in `dir`, running. The test runner's threads block
    /// SIGTERM and a child inherits that mask: faqexport starts with none blocked, as from a
    /// shell.
    static func startWithSignalsUnblocked(_ arguments: [String], in dir: URL) throws -> Process {
        let unblocked = "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", unblocked, CLI.binary] + arguments
        process.currentDirectoryURL = dir
        process.environment = ProcessInfo.processInfo.environment.merging(["SOURCE_DATE_EPOCH": "0"]) { $1 }
        try process.run()
        return process
    }

    /// A FIFO among the targets is opened in place, which blocks until it has a reader:
    /// the run is held with the other outputs' temporary files on disk (more of them than
    /// one chunk of the cleanup registry holds), and SIGTERM then must remove them all and
    /// end the process by that signal.
    @Test func aSignalRemovesTheTemporaryFiles() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var names: [String] = []
        for i in 0..<250 {
            names.append("in\(i).md")
            try Data("---\ntitle: T\(i)\n---\n\n## Q?\n\nA.\n".utf8).write(to: dir.appendingPathComponent(names[i]))
        }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        #expect(mkfifo(out.appendingPathComponent("in0.7").path, 0o600) == 0)
        // Five formats per input and one book, less the FIFO written in place.
        let expected = 250 * 5 + 1 - 1
        #expect(expected > TemporaryFileCleanup.slotsPerChunk)
        let process = try Self.startWithSignalsUnblocked(["-q", "--output-dir", "out"] + names, in: dir)
        let deadline = Date().addingTimeInterval(60)
        while try temporaryFiles(in: out).count < expected, Date() < deadline { usleep(50_000) }
        #expect(try temporaryFiles(in: out).count == expected)
        process.terminate()  // SIGTERM
        let stopped = Date().addingTimeInterval(30)
        while process.isRunning, Date() < stopped { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }  // fail, do not hang
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGTERM)
        #expect(try temporaryFiles(in: out).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["in0.7"])
    }

    /// The `--output-dir` directories a run made are removed when a signal ends it before
    /// anything was renamed into them.
    @Test func aSignalRemovesTheDirectoriesTheRunMade() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = "---\ntitle: Big\n---\n"
        for i in 0..<20_000 { text += "\n## Question \(i)?\n\nAnswer \(i), *some* text and a [link](https://e.org/\(i)).\n" }
        try Data(text.utf8).write(to: dir.appendingPathComponent("big.md"))
        let process = try Self.startWithSignalsUnblocked(["-q", "--output-dir", "new/a/b", "big.md"], in: dir)
        let leaf = dir.appendingPathComponent("new/a/b").path
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: leaf), process.isRunning, Date() < deadline { usleep(5_000) }
        process.terminate()  // SIGTERM, while the outputs are being written
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the run ended before the signal: make the input larger")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("new").path),
                "left: \(FileManager.default.subpaths(atPath: dir.appendingPathComponent("new").path) ?? [])")
    }
}
