import FAQTestSupport
import Foundation
import Testing

/// The binary end to end: formats, inputs, outputs and the documented exit codes.
@Suite struct CommandLineTests {
    func json(_ run: ExternalTool.Run) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    func questions(_ object: [String: Any]) -> [String] {
        let entries = (object["entries"] as? [[String: Any]]) ?? ((object["sections"] as? [[String: Any]]) ?? []).flatMap { ($0["entries"] as? [[String: Any]]) ?? [] }
        return entries.compactMap { $0["question"] as? String }
    }

    @Test func seed004GivesItsThreeQuestions() throws {
        let run = try CLI.run(["--format", "json", "Tests/FAQReadersTests/Fixtures/seed-004.txt"])
        #expect(run.status == 0)
        #expect(questions(try json(run)) == [
            "Is this migration initiative an official initiative?",
            "What will happen to eventlet once the openstack migration is complete?",
            "Why not simply maintaining Eventlet?",
        ])
    }

    @Test func shippedFAQGivesTheEightQuestionsWithTheirLinks() throws {
        let run = try CLI.run(["--format", "json"])  // no INPUT: Sources-content/
        #expect(run.status == 0, "\(run.stderr)")
        let object = try json(run)
        let q = questions(object)
        #expect(q.count == 8)
        #expect(q.first == "Is this migration initiative an official initiative?")
        #expect(q.last == "Are there OpenStack projects that have already successfully completed this migration?")
        #expect(run.stdout.contains("https://review.opendev.org/c/openstack/governance/+/902585"))
        #expect(run.stdout.contains("https://github.com/eventlet/eventlet/pull/966#issuecomment-2344252826"))
        // Its site (Sources-content/_config.yml): `{% link guide/tutorials.md %}` goes to that
        // page's permalink, and the entries' URLs are absolute.
        #expect(run.stdout.contains("\"url\": \"/guide/tutorials/\""))
        #expect(run.stdout.contains("\"url\": \"https://removal.eventlet.org/guide/faq/#is-this-migration-initiative-an-official-initiative\""))
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect((object["format"] as? String) == "faqexport")
        #expect(object["version"] is String)
    }

    @Test func standardInputAndOutput() throws {
        let run = try CLI.run(["-f", "json", "-"], stdin: Array("## Q?\n\nA.\n".utf8))
        #expect(run.status == 0)
        #expect(questions(try json(run)) == ["Q?"])
    }

    @Test func usageErrorsExitTwo() throws {
        for arguments in [["--format", "nope", "x.md"], ["--bogus"], ["-o", "a", "--output-dir", "b", "x.md"],
                          ["--question-level", "9", "x.md"], ["-f", "json,man", "x.md"]] {
            let run = try CLI.run(arguments)
            #expect(run.status == 2, "\(arguments): \(run.status) \(run.stderr)")
            #expect(run.stderr.contains("error:"), "\(arguments)")
        }
    }

    @Test func idStyleChoosesTheRuleAndVerboseSaysWhich() throws {
        let text = Array("## The --force flag?\n\nA.\n".utf8)
        let github = try CLI.run(["-f", "json", "-v", "-"], stdin: text)
        #expect(github.status == 0)
        #expect(github.stderr.contains("-:1:1: note: ids the author did not write follow GitHub's rule (Markdown without front matter)"), "\(github.stderr)")
        let pandoc = try CLI.run(["-f", "json", "--id-style", "pandoc", "-"], stdin: text)
        #expect(pandoc.status == 0 && pandoc.stderr.isEmpty, "\(pandoc.stderr)")
        let ids = [github, pandoc].compactMap { run -> String? in
            guard let object = try? json(run), let entries = object["entries"] as? [[String: Any]] else { return nil }
            return entries.first?["id"] as? String
        }
        #expect(ids == ["the---force-flag", "the-force-flag"])
        let bad = try CLI.run(["--id-style", "hugo", "-"], stdin: text)
        #expect(bad.status == 2 && bad.stderr.contains("error:"), "\(bad.stderr)")
    }

    @Test func inputErrorsExitOneAndNameTheFile() throws {
        let missing = try CLI.run(["-f", "json", "no/such/file.md"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("no/such/file.md:1:1: error: no such file"))
        let directory = try CLI.run(["-f", "json", "Sources-content"])
        #expect(directory.status == 1)
        #expect(directory.stderr.contains("Sources-content:1:1: error: is a directory"))
        let yaml = try CLI.run(["-f", "json", "Tests/FAQReadersTests/Fixtures/bad-yaml.md"])
        #expect(yaml.status == 1)
        #expect(yaml.stderr.hasPrefix("Tests/FAQReadersTests/Fixtures/bad-yaml.md:4:"))
        #expect(yaml.stdout.isEmpty)
    }

    @Test func failedRunLeavesAnExistingOutputUntouched() throws {
        let dir = try CLI.temporaryDirectory()
        let target = dir.appendingPathComponent("out.json")
        try Data("precious".utf8).write(to: target)
        let bad = dir.appendingPathComponent("bad.md")
        try Data("---\ntitle: [\n---\n## Q?\n".utf8).write(to: bad)
        let run = try CLI.run(["-f", "json", "-o", target.path, bad.path])
        #expect(run.status == 1)
        #expect(try Data(contentsOf: target) == Data("precious".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["bad.md", "out.json"])
    }

    @Test func outputFileIsReplacedAtomically() throws {
        let dir = try CLI.temporaryDirectory()
        let target = dir.appendingPathComponent("out.json")
        try Data("old".utf8).write(to: target)
        let run = try CLI.run(["-f", "json", "-o", target.path, "Tests/FAQReadersTests/Fixtures/levels.md"])
        #expect(run.status == 0)
        #expect(String(decoding: try Data(contentsOf: target), as: UTF8.self).contains("\"faqexport\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.json"])
    }

    @Test func unwritableOutputIsAnError() throws {
        let run = try CLI.run(["-f", "json", "-o", "/nonexistent-dir/x.json", "Tests/FAQReadersTests/Fixtures/levels.md"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("/nonexistent-dir/x.json: error: cannot write"))
    }

    @Test func listFormatsAndVersion() throws {
        let list = try CLI.run(["--list-formats"])
        #expect(list.status == 0)
        // Output formats, a blank line, then the input formats under a heading.
        let parts = list.stdout.components(separatedBy: "\n\n")
        let names = parts[0].split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(names == ["man", "xhtml", "epub", "text", "json", "jsonld"])
        let inputs = parts.dropFirst().joined().split(separator: "\n").dropFirst().map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(inputs == ["markdown", "mdx", "html", "rst", "asciidoc", "docbook"])
        let version = try CLI.run(["--version"])
        #expect(version.status == 0 && !version.stdout.isEmpty)
        let help = try CLI.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("EXIT STATUS"))
    }

    /// `--section` picks a section; the reader's choice is a note that only -v shows.
    @Test func sectionOptionAndTheVerboseNote() throws {
        let fixture = "Tests/FAQReadersTests/Fixtures/questions/faq-section.md"
        let quiet = try CLI.run(["-f", "json", fixture])
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(questions(try json(quiet)) == ["The screen flickers when dimming starts", "It ignores the time zone"])
        #expect(quiet.stderr.isEmpty)
        let verbose = try CLI.run(["-f", "json", "-v", "--section", "faq", fixture])
        #expect(verbose.status == 0)
        #expect(verbose.stderr.contains("\(fixture):15:1: note: reading only the section 'FAQ' (--section)"))
        let missing = try CLI.run(["-f", "json", "--section", "Troubleshooting", fixture])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("error: no section titled 'Troubleshooting' (--section); its sections are 'Install', 'Usage', 'FAQ', 'License'"))
        #expect(try CLI.run(["-f", "json", "--section", " ", fixture]).status == 2)
    }

    @Test func lintReportsAndFails() throws {
        let ok = try CLI.run(["lint", "Sources-content/eventlet-removal-faq.md"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let warned = try CLI.run(["lint", "--strict", "Tests/FAQReadersTests/Fixtures/levels.md"])
        #expect(warned.status == 1)
        #expect(warned.stderr.contains("warning: duplicate question"))
        let none = try CLI.run(["lint", "-"], stdin: Array("# Title\n\ntext\n".utf8))
        #expect(none.status == 1)
        #expect(none.stderr.contains("-:1:1: error: no questions found"))
    }
}

/// Edge cases of the environment and of outputs (from the code review).
@Suite struct CommandLineEdgeTests {
    @Test func sourceDateEpochMustBeARealDate() throws {
        for value in ["-9223372036854775808", "yesterday", "253402300800"] {
            let run = try CLI.run(["-f", "man", "Sources-content/eventlet-removal-faq.md"], environment: ["SOURCE_DATE_EPOCH": value])
            #expect(run.status == 2, "\(value): \(run.status) \(run.stderr)")
            #expect(run.stderr.contains("SOURCE_DATE_EPOCH"))
        }
        let fixed = try CLI.run(["-f", "man", "Sources-content/eventlet-removal-faq.md"], environment: ["SOURCE_DATE_EPOCH": "0"])
        #expect(fixed.status == 0 && fixed.stdout.contains("\"1970-01-01\""))
    }

    @Test func hugeWidthIsAUsageError() throws {
        for width in ["9223372036854775807", "1000000000", "-1"] {
            let run = try CLI.run(["-f", "text", "--width", width, "Sources-content/eventlet-removal-faq.md"])
            #expect(run.status == 2, "\(width): \(run.stderr)")
        }
    }

    @Test func fullStandardOutputIsAnErrorNotACrash() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["-f", "text", "Sources-content/eventlet-removal-faq.md"]
        process.currentDirectoryURL = CLI.root
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let err = Pipe()
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("cannot write to standard output"))
    }

    @Test func twoInputsWithTheSameNameDoNotOverwriteEachOther() throws {
        let dir = try CLI.temporaryDirectory()
        for sub in ["a", "b"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
            try Data("## Q \(sub)?\n\nA.\n".utf8).write(to: dir.appendingPathComponent("\(sub)/faq.md"))
        }
        let out = dir.appendingPathComponent("out")
        let run = try CLI.run(["-f", "text", "--output-dir", out.path, "a/faq.md", "b/faq.md"], in: dir)
        #expect(run.status == 1)
        #expect(run.stderr.contains("would both write faq.txt"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("faq.txt").path))
    }
}

/// The review's hostile EPUB input (bad `lang`, URLs with spaces and stray `%`) must still
/// give a book epubcheck accepts.
@Suite struct HostileEPUBTests {
    @Test func hostileInputStillValidates() throws {
        let dir = try CLI.temporaryDirectory()
        let book = dir.appendingPathComponent("hostile.epub")
        let run = try CLI.run(["-f", "epub", "-o", book.path, "Tests/BadInput/cases/epub-hostile.md"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("is not a BCP 47 tag"))
        let check = try ExternalTool.run(["java", "-jar", "/usr/share/java/epubcheck.jar", book.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("No errors or warnings detected"), "\(check.stdout)")
    }
}

/// `{% link %}` to another input points at that input's permalink.
@Suite struct LiquidAcrossInputsTests {
    @Test func linkTagResolvesToTheOtherInputsPermalink() throws {
        let dir = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("guide"), withIntermediateDirectories: true)
        try Data("---\ntitle: Tutorials\npermalink: /guide/tutorials/\n---\n## How to start?\n\nRead on.\n".utf8)
            .write(to: dir.appendingPathComponent("guide/tutorials.md"))
        try Data("---\ntitle: FAQ\n---\n## Where next?\n\nSee [the tutorials]({% link guide/tutorials.md %}) and [other]({% link guide/other.md %}).\n".utf8)
            .write(to: dir.appendingPathComponent("faq.md"))
        let out = dir.appendingPathComponent("out")
        let run = try CLI.run(["-f", "json", "--output-dir", out.path, "faq.md", "guide/tutorials.md"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try String(contentsOf: out.appendingPathComponent("faq.json"), encoding: .utf8)
        #expect(json.contains("\"url\": \"/guide/tutorials/\""))
        #expect(json.contains("\"url\": \"/guide/other.html\""))
    }
}

@Suite struct InputsAreNeverReplacedTests {
    /// `-o` onto the input (directly or through a link) and `--output-dir` over an input
    /// named like an output both fail before writing, and the input is left as it was.
    @Test func outputOntoAnInputIsRefused() throws {
        let dir = try CLI.temporaryDirectory()
        let source = Data("---\ntitle: T\nname: notes\n---\n## Q?\n\nA\n".utf8)
        try source.write(to: dir.appendingPathComponent("notes.txt"))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.md").path, withDestinationPath: "notes.txt")
        for arguments in [["-f", "text", "-o", "notes.txt", "notes.txt"], ["-f", "man", "-o", "./link.md", "notes.txt"],
                          ["--output-dir", ".", "notes.txt"], ["-f", "text", "--output-dir", dir.path, "link.md"]] {
            let run = try CLI.run(arguments, in: dir)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr.contains("error: the output would replace the input"), "\(arguments): \(run.stderr)")
            #expect(try Data(contentsOf: dir.appendingPathComponent("notes.txt")) == source, "\(arguments)")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(left == ["link.md", "notes.txt"])
        // Another name in the same directory is fine.
        let run = try CLI.run(["-f", "text", "-o", "out.txt", "notes.txt"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
    }
}

@Suite struct ManSectionTests {
    /// The file a man page goes to carries the section its `.TH` line names.
    @Test func outputDirNamesTheFileBySection() throws {
        let dir = try CLI.temporaryDirectory()
        try Data("---\ntitle: Tool\nman_section: 1\n---\n## Q?\n\nA\n".utf8).write(to: dir.appendingPathComponent("tool.md"))
        try Data("---\ntitle: Plain\n---\n## Q?\n\nA\n".utf8).write(to: dir.appendingPathComponent("plain.md"))
        try Data("---\ntitle: Odd\nman_section: \"1 x\"\n---\n## Q?\n\nA\n".utf8).write(to: dir.appendingPathComponent("odd.md"))
        let run = try CLI.run(["-f", "man", "--man-section", "3p", "--output-dir", "out", "tool.md", "plain.md", "odd.md"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path).sorted()
        #expect(files == ["odd.3p", "plain.3p", "tool.1"])
        #expect(run.stderr.contains("man_section '1 x' is not a section name"), "\(run.stderr)")
        let tool = try String(contentsOf: dir.appendingPathComponent("out/tool.1"), encoding: .utf8)
        #expect(tool.contains(".TH \"TOOL\" \"1\""))
    }

    @Test(arguments: [["--man-section", "a b"], ["--man-section", "0"], ["-o", ""], ["--output-dir", ""]])
    func badOptionsAreUsageErrors(_ arguments: [String]) throws {
        let dir = try CLI.temporaryDirectory()
        try Data("## Q?\n\nA\n".utf8).write(to: dir.appendingPathComponent("f.md"))
        let run = try CLI.run(["-f", "man"] + arguments + ["f.md"], in: dir)
        #expect(run.status == 2, "exit \(run.status): \(run.stderr)")
        #expect(run.stderr.split(separator: "\n").first?.contains("rror") == true, "\(run.stderr)")
    }
}

@Suite struct OptionValueTests {
    /// A negative number is the option's value, checked against its range, not an unknown flag.
    @Test(arguments: [(["--width", "-1"], "--width must be between"), (["--question-level", "-1"], "--question-level must be between")])
    func negativeValuesGetTheRangeError(_ arguments: [String], _ message: String) throws {
        let dir = try CLI.temporaryDirectory()
        try Data("## Q?\n\nA\n".utf8).write(to: dir.appendingPathComponent("f.md"))
        let run = try CLI.run(arguments + ["f.md"], in: dir)
        #expect(run.status == 2 && run.stderr.contains(message), "\(run.stderr)")
    }

    @Test(arguments: ["not a url", "javascript:alert(1)", "https://", "ftp://x.org/"])
    func aBaseURLMustBeOne(_ url: String) throws {
        let dir = try CLI.temporaryDirectory()
        try Data("## Q?\n\nA\n".utf8).write(to: dir.appendingPathComponent("f.md"))
        let run = try CLI.run(["--base-url", url, "f.md"], in: dir)
        #expect(run.status == 2 && run.stderr.contains("--base-url must be"), "\(run.stderr)")
        let good = try CLI.run(["-f", "json", "--base-url", "/docs/", "f.md"], in: dir)
        #expect(good.status == 0 && good.stdout.contains("\"url\": \"/docs/#q\""), "\(good.stderr)")
    }

    /// An output directory under a file says so, not "NSCocoaErrorDomain error 512".
    @Test func anOutputDirectoryUnderAFileSaysSo() throws {
        let dir = try CLI.temporaryDirectory()
        try Data("## Q?\n\nA\n".utf8).write(to: dir.appendingPathComponent("f.md"))
        let run = try CLI.run(["--output-dir", "f.md/sub", "f.md"], in: dir)
        #expect(run.status == 1 && run.stderr.hasSuffix("f.md is not a directory\n"), "\(run.stderr)")
    }

    /// With --strict a warning fails the run, so -q does not hide it.
    @Test func strictLintShowsTheWarningsThatFailIt() throws {
        let dir = try CLI.temporaryDirectory()
        try Data("## Q?\n\n[x](#gone)\n".utf8).write(to: dir.appendingPathComponent("w.md"))
        let strict = try CLI.run(["lint", "-q", "--strict", "w.md"], in: dir)
        #expect(strict.status == 1 && strict.stderr.contains("w.md:") && strict.stderr.contains("#gone"), "\(strict.stderr)")
        let quiet = try CLI.run(["lint", "-q", "w.md"], in: dir)
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
    }
}
