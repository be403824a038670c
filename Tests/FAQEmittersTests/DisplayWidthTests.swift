@testable import FAQEmitters
import Foundation
import Testing

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("日", 2), ("ｱ", 1), ("Ａ", 2), ("한", 2), ("e\u{301}", 1), ("a\u{300}\u{301}\u{302}", 1),
        ("👩\u{200D}👩\u{200D}👧\u{200D}👦", 2), ("🇯🇵", 2), ("❤️", 2), ("❤", 1), ("1️⃣", 2), ("👍🏽", 2),
        ("🧑\u{200D}💻", 2), ("\u{200D}", 0), ("\u{200B}", 0), ("\u{0007}", 0), ("\u{1100}\u{1161}\u{11A8}", 2),
    ])
    func character(_ text: String, _ expected: Int) {
        #expect(text.count == 1)
        #expect(DisplayWidth.of(Character(text)) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func strings() {
        #expect(DisplayWidth.of("hello") == 5)
        #expect(DisplayWidth.of("日本語のテキスト") == 16)
        #expect(DisplayWidth.of("naïve café") == 10)
        #expect(DisplayWidth.of("Ame\u{301}lie") == 6)
        #expect(DisplayWidth.of("👩\u{200D}👩\u{200D}👧\u{200D}👦 ok") == 5)
        #expect(DisplayWidth.of("") == 0)
    }

    /// Cross-checks every scalar of the ranges that matter against python's `wcwidth`
    /// (a test-time reference only: the Swift code does not depend on python).
    @Test func agreesWithWcwidth() throws {
        let ranges: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0xA0...0x36F, 0x1100...0x11FF, 0x2000...0x2BFF, 0x2E80...0xA4CF, 0xAC00...0xD7FF,
            0xF900...0xFAFF, 0xFE00...0xFE6F, 0xFF00...0xFFEF, 0x1F000...0x1FAFF, 0x20000...0x2A6DF,
        ]
        let scalars = ranges.flatMap { $0 }.compactMap(Unicode.Scalar.init)
            .filter { $0.properties.generalCategory != .unassigned && $0.properties.generalCategory != .surrogate }
        let script = """
            import sys, wcwidth
            cps = [int(x, 16) for x in sys.stdin.read().split()]
            print(" ".join(str(max(wcwidth.wcwidth(chr(c)), 0)) for c in cps))
            """
        let input = scalars.map { String($0.value, radix: 16) }.joined(separator: " ")
        let run = try ExternalTool.run(["python3", "-c", script], stdin: Array(input.utf8))
        try #require(run.status == 0, "\(run.stderr)")
        let reference = run.stdout.split(separator: " ").map { Int($0.trimmingCharacters(in: .whitespacesAndNewlines))! }
        try #require(reference.count == scalars.count)
        var mismatches: [String] = []
        for (scalar, expected) in zip(scalars, reference) where DisplayWidth.of(scalar) != expected {
            // Known, deliberate differences: format characters that wcwidth counts as 1
            // (soft hyphen, Arabic signs) are 0 here, and wcwidth counts some spacing marks 0.
            let category = scalar.properties.generalCategory
            if category == .format || category == .spacingMark { continue }
            mismatches.append("U+\(String(scalar.value, radix: 16, uppercase: true)) \(DisplayWidth.of(scalar)) vs \(expected)")
        }
        #expect(mismatches.count <= 10, "\(mismatches.count) mismatches: \(mismatches.prefix(40))")
    }
}
