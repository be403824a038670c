import Foundation
import Testing

/// Batched runs of the XHTML and EPUB validators (epubcheck takes ~7 s a run: run them together).
enum Validators {
    /// `xmllint --noout` over all files at once; returns its complaints ("" when clean).
    static func xmllint(_ files: [(name: String, bytes: [UInt8])]) throws -> String {
        let dir = NSTemporaryDirectory() + "faqexport-xmllint-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var paths: [String] = []
        for (i, file) in files.enumerated() {
            let path = dir + "\(i)-" + file.name.replacingOccurrences(of: "/", with: "_")
            try Data(file.bytes).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let run = try ExternalTool.run(["xmllint", "--noout", "--nonet"] + paths)
        return run.status == 0 && run.stderr.isEmpty ? "" : run.stderr + run.stdout
    }

    struct EPUBCheck: Sendable {
        var name: String
        var status: Int32
        var output: String
        /// epubcheck's summary says nothing was found.
        var clean: Bool { status == 0 && output.contains("No errors or warnings detected") }
    }

    /// epubcheck (4.2.6 via java -jar) on every book concurrently.
    static func epubcheck(_ books: [(name: String, bytes: [UInt8])], usage: Bool = false) throws -> [EPUBCheck] {
        let paths = try books.map { try ExternalTool.temporaryFile($0.bytes, suffix: ".epub") }
        defer { for p in paths { try? FileManager.default.removeItem(atPath: p) } }
        nonisolated(unsafe) var results = [EPUBCheck?](repeating: nil, count: books.count)
        let lock = NSLock()
        let names = books.map(\.name)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            let args = ["java", "-jar", "/usr/share/java/epubcheck.jar", paths[i]] + (usage ? ["--usage"] : [])
            let run = try? ExternalTool.run(args)
            let check = EPUBCheck(name: names[i], status: run?.status ?? -1, output: (run?.stdout ?? "") + (run?.stderr ?? "could not run epubcheck"))
            lock.lock(); results[i] = check; lock.unlock()
        }
        return results.map { $0! }
    }
}
