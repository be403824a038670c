import FAQEmitters
import FAQExport
import FAQTestSupport
import Foundation
import Glibc
import Testing

/// Outputs written to files are streamed in chunks (`OutputSink`); they must be the bytes
/// the in-memory path gives, and a failed write must leave nothing behind.
@Suite struct StreamedOutputTests {
    /// Large enough that every text format passes `OutputSink.chunkSize` several times.
    static func largeFAQ(entries: Int) -> [UInt8] {
        var text = "---\ntitle: Streamed\nname: streamed\n---\n\n"
        for section in 0..<(entries / 50) {
            text += "## Section \(section)\n\n"
            for entry in 0..<50 {
                text += "### Question \(section).\(entry) — ünïcode?\n\n"
                text += "An answer with *emphasis*, `code`, a [link](https://example.org/\(entry)) and enough words to wrap "
                text += String(repeating: "over several lines of text ", count: 12) + "\n\n"
                text += "- one\n- two\n  - nested\n\n```\ncode \(entry)\n```\n\n"
            }
        }
        return Array(text.utf8)
    }

    @Test func filesEqualTheInMemoryOutputs() throws {
        let exporter = Exporter(emitOptions: EmitOptions(timestamp: 0))
        let read = exporter.read([Exporter.Input(path: "streamed.md", bytes: Self.largeFAQ(entries: 3000))])
        #expect(!read.failed)
        let memory = try exporter.emit(read.documents, formats: OutputFormat.allCases)
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try exporter.emit(read.documents, formats: OutputFormat.allCases, to: .directory(dir.path))
        #expect(memory.outputs.count == OutputFormat.allCases.count)
        for (inMemory, onDisk) in zip(memory.outputs, files.outputs) {
            let path = try #require(onDisk.path)
            let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(written == inMemory.bytes, "\(onDisk.fileName)")
            #expect(onDisk.byteCount == written.count)
            if inMemory.format != .epub {
                #expect(written.count > OutputSink.chunkSize, "\(onDisk.fileName) is too small to be streamed")
            }
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(left.sorted() == files.outputs.map(\.fileName).sorted())
    }

    @Test func aFailedWriteThrowsAndLeavesNoFile() throws {
        let fd = open("/dev/full", O_WRONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        let sink = OutputSink(fileDescriptor: fd)
        var chunk = [UInt8](repeating: 0x41, count: 100)
        #expect(throws: OutputSinkError.self) { try sink.drain(&chunk, force: true) }

        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("kept.txt").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        let pending = try PendingFile(replacing: target)
        try pending.open().write(Array("new".utf8))
        pending.discard()
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["kept.txt"])
    }

    /// The exporter makes a missing output directory; one that cannot be made (here, under a
    /// regular file: root may write anywhere) fails the run before any output.
    @Test func anUnwritableDirectoryFailsBeforeAnyOutput() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("file")
        try Data("kept".utf8).write(to: file)
        let exporter = Exporter(emitOptions: EmitOptions(timestamp: 0))
        let read = exporter.read([Exporter.Input(path: "small.md", bytes: Array("# Q?\n\nA.\n".utf8))])
        #expect(throws: Exporter.DirectoryNotCreated.self) {
            try exporter.emit(read.documents, formats: [.man, .json], to: .directory(file.appendingPathComponent("out").path))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["file"])
    }
}
