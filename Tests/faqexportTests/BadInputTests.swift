import FAQTestSupport
import Foundation
import Testing

/// The bad-input corpus (`Tests/BadInput/cases.tsv`): each case gives its documented exit
/// code and diagnostic, never a crash (exit ≥ 128) or a hang.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var arguments: [String]
        var status: Int32
        var fragment: String
        var testDescription: String { "\(file) \(arguments.joined(separator: " "))" }
    }

    static let directory = CLI.root.appendingPathComponent("Tests/BadInput")

    static var cases: [Case] {
        let table = (try? String(contentsOf: directory.appendingPathComponent("cases.tsv"), encoding: .utf8)) ?? ""
        return table.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Case(file: fields[0], arguments: fields[1].split(separator: " ").map(String.init),
                        status: Int32(fields[2]) ?? -1, fragment: fields.count > 3 ? fields[3] : "")
        }
    }

    @Test func corpusHasAtLeastThirtyCases() {
        #expect(Self.cases.count >= 30)
    }

    @Test(arguments: cases)
    func badInput(_ c: Case) throws {
        let started = Date()
        // Every format at once, so each emitter meets every bad input.
        let out = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let formats = c.arguments.contains("--format") ? [] : ["--output-dir", out.path]
        let run = try CLI.run(formats + c.arguments + [c.file], in: Self.directory.appendingPathComponent("cases"))
        #expect(Date().timeIntervalSince(started) < 10, "took too long")
        #expect(run.status == c.status, "exit \(run.status): \(run.stderr)")
        if c.fragment.isEmpty {
            #expect(run.stderr.isEmpty, "unexpected diagnostics: \(run.stderr)")
        } else {
            #expect(run.stderr.contains(c.fragment), "stderr was: \(run.stderr)")
        }
        // Every diagnostic is one line; a failure writes nothing at all.
        if run.status != 0 {
            #expect(run.stdout.isEmpty)
            #expect((try? FileManager.default.contentsOfDirectory(atPath: out.path))?.isEmpty ?? true, "partial output written")
        }
        for line in run.stderr.split(separator: "\n") {
            #expect(line.contains("error:") || line.contains("warning:"), "stray stderr line: \(line)")
        }
    }

    /// Generated giants: deep nesting must be flattened with a warning, never overflow the stack.
    @Test(arguments: [
        ("quotes.md", "## Q?\n\n" + String(repeating: ">", count: 100_000) + " deep\n"),
        ("lists.md", "## Q?\n\n" + String(repeating: "- ", count: 10_000) + "deep\n"),
        ("indented-lists.md", "## Q?\n\n" + (0..<2_000).map { String(repeating: "  ", count: $0) + "- level \($0)\n" }.joined() + "deep\n"),
        ("divs.md", "## Q?\n\n" + String(repeating: "<div>", count: 50_000) + "deep" + String(repeating: "</div>", count: 50_000) + "\n"),
        ("divs.html", "<h2>Q?</h2>" + String(repeating: "<div>", count: 50_000) + "deep"),
        ("emphasis.md", "## Q?\n\n" + String(repeating: "*", count: 50_000) + "deep" + String(repeating: "*", count: 50_000) + "\n"),
        ("brackets.md", "## Q?\n\n" + String(repeating: "[", count: 50_000) + "deep" + String(repeating: "](u)", count: 50_000) + "\n"),
    ])
    func deepNesting(_ name: String, _ text: String) throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        let started = Date()
        let run = try CLI.run(["-f", "json", file.path])
        #expect(Date().timeIntervalSince(started) < 10, "took too long")
        #expect(run.status == 0, "exit \(run.status): \(run.stderr.prefix(300))")
        #expect(run.stdout.contains("deep"), "the deep text was lost")
    }
}
