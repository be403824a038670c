import Foundation
import Testing
@testable import FAQEmitters

/// The NFC fast path must agree with Foundation wherever it skips it.
struct NFCTests {
    static let fastRanges: [ClosedRange<UInt32>] = [
        0x0000...0x02FF, 0x0370...0x03FF, 0x0400...0x0482, 0x2002...0x206F, 0x3040...0x3098,
        0x309B...0x30FF, 0x3100...0x9FFF, 0xAC00...0xD7A3, 0xFE0F...0xFE0F, 0xFF00...0xFFEF,
        0x1F000...0x1FAFF,
    ]

    @Test func everyFastScalarIsAStableStarter() {
        for range in Self.fastRanges {
            for v in range {
                guard let scalar = Unicode.Scalar(v) else { continue }
                let s = String(Character(scalar))
                guard v >= 0x300, NFC.isStableStarter(v) else { continue }
                #expect(scalar.properties.canonicalCombiningClass == .notReordered, "U+\(String(v, radix: 16))")
                // Unchanged alone and after starters it could compose with.
                for base in ["", "A", "e", "\u{1100}", "\u{AC00}", "\u{304B}", "\u{30AB}", "\u{FF76}", "\u{03B1}"] {
                    let text = base + s
                    #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars),
                            "U+\(String(v, radix: 16)) after \(base)")
                }
            }
        }
    }

    @Test func agreesWithFoundation() {
        let samples = [
            "plain ASCII", "naïve café", "Straße", "日本語のテキスト", "中文内容", "한국어", "emoji 🎉👍🏽", "Ελληνικά",
            "e\u{301}", "\u{1100}\u{1161}", "\u{304B}\u{3099}", "\u{212B}", "\u{2126}", "\u{F900}", "\u{0387}",
            "a\u{0323}\u{0307}", "\u{1E0B}\u{0323}", "Å", "\u{0958}", "\u{2000}x", "x\u{20D0}", "\u{AC00}\u{11A8}",
            "— “quotes” … ‘single’ •", "ﾊﾞ", "\u{1F468}\u{200D}\u{1F469}",
        ]
        for text in samples {
            #expect(NFC.normalized(text).unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars), "\(text)")
        }
    }
}
