import Foundation

/// Unicode NFC (canonical composition) with a fast path.
///
/// Foundation's `precomposedStringWithCanonicalMapping` bridges to `CFStringNormalize` and
/// copies the whole string even when nothing changes (bench/NOTES.md). A string whose
/// scalars all have NFC_Quick_Check=Yes and canonical combining class 0 is already in NFC
/// (UAX #15, "Detecting Normalization Forms"), so it is returned as is; anything else goes
/// to Foundation.
enum NFC {
    static func normalized(_ text: String) -> String {
        if isKnownNFC(text) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// True when every scalar lies in a range known to be NFC_QC=Yes with ccc=0.
    /// Conservative: false only means "ask Foundation".
    static func isKnownNFC(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return true }
        for scalar in text.unicodeScalars where scalar.value >= 0x300 {
            if !isStableStarter(scalar.value) { return false }
        }
        return true
    }

    /// Scalars that NFC never changes, never composes with a preceding scalar and that
    /// never reorder (checked against Unicode's DerivedNormalizationProps.txt: none of
    /// these ranges holds an NFC_QC=No/Maybe scalar or a nonzero combining class).
    /// Everything below U+0300 is such a scalar too (the caller skips it).
    @inline(__always)
    static func isStableStarter(_ v: UInt32) -> Bool {
        switch v {
        case 0x0370...0x03FF:  // Greek, minus three singletons that decompose
            return v != 0x0374 && v != 0x037E && v != 0x0387
        case 0x0400...0x0482,  // Cyrillic letters (U+0483… are combining)
             0x2002...0x206F,  // general punctuation (U+2000/U+2001 decompose)
             0x3040...0x3098,  // hiragana (U+3099/U+309A combine with it)
             0x309B...0x30FF,  // katakana
             0x3100...0x9FFF,  // bopomofo, Hangul compatibility jamo, CJK symbols, CJK ideographs
             0xAC00...0xD7A3,  // Hangul syllables (trailing jamo U+11A8… are not here)
             0xFE0F,  // VARIATION SELECTOR-16 (emoji presentation)
             0xFF00...0xFFEF,  // halfwidth and fullwidth forms
             0x1F000...0x1FAFF:  // emoji and pictographs
            return true
        default:
            return false
        }
    }
}
