import FAQModel
import Foundation

/// How the formats that cannot link inside a page (man, plain text, JSON `answer_text`) name
/// the target of a `#link` that resolves in the document (`AnchorIndex`): after the link's
/// text comes `(see NUMBER "TITLE")`.
///
/// - NUMBER is where to look, as the output's contents number it (plain text: `2.1` for a
///   question, `2.` for a section, the question's or section's number for a heading inside
///   it); formats without numbers (man, `answer_text`) leave it out.
/// - TITLE is the question, the section title or the heading's text, as plain text; left out
///   when the link's text already says it (the same letters and digits, ignoring case,
///   punctuation and spacing: `[configuring](#configuring)` needs no `"Configuring"`).
/// - Nothing at all is added when neither is left (a link whose text is the title, in a
///   format without numbers): the text names its target.
///
/// A title is cut after `maximumLabel` characters (at a space, then `…`): every link repeats
/// it, and a long heading linked a thousand times must not make the output grow faster than
/// the input.
enum CrossReference {
    static let maximumLabel = 100

    /// `(see 2.1 "Why?")`, `(see "Why?")`, `(see 2.1)`, or nil.
    static func note(to target: AnchorIndex.Target, linkText: [Inline], number: String?) -> String? {
        let title = target.label
        let showTitle = !title.isEmpty && comparable(title) != comparable(oneLine(linkText.plainText))
        switch (number, showTitle) {
        case (nil, false): return nil
        case (nil, true): return "(see \"\(title)\")"
        case (let number?, false): return "(see \(number))"
        case (let number?, true): return "(see \(number) \"\(title)\")"
        }
    }

    /// The words of a title as a reader compares them: its letters and digits, lowercased
    /// (punctuation, code quotes and spacing aside: a question written with `` `/` `` and a
    /// link to it written with a code span say the same).
    private static func comparable(_ text: String) -> String {
        // ASCII by bytes: every link to a target compares titles, and asking Unicode's
        // properties of each character costs more than the rest of the note.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let kept = text.utf8.lazy.filter { isASCIILetter($0) || (0x30...0x39).contains($0) }.map { isASCIILetter($0) ? $0 | 0x20 : $0 }
            return String(decoding: kept, as: UTF8.self)
        }
        return String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte | 0x20)
    }

    /// A title as one line of plain text, cut after `maximumLabel` characters; reads no more
    /// of the inlines than that.
    static func label(_ inlines: [Inline]) -> String {
        var text = ""
        var budget = maximumLabel + 1
        func append(_ inlines: [Inline]) {
            for inline in inlines where budget > 0 {
                switch inline {
                case .text(let s), .code(let s):
                    let piece = s.prefix(budget)
                    text += piece
                    budget -= piece.count
                case .emphasis(let c), .strong(let c), .strikethrough(let c): append(c)
                case .link(let link): append(link.content)
                case .image(let image):
                    let piece = image.alt.prefix(budget)
                    text += piece
                    budget -= piece.count
                case .lineBreak, .softBreak:
                    text += " "
                    budget -= 1
                }
            }
        }
        append(inlines)
        let line = oneLine(text)
        guard line.count > maximumLabel else { return line }
        let cut = line.prefix(maximumLabel)
        let atSpace = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atSpace + "…"
    }

    /// White space runs as one space, none at the ends.
    static func oneLine(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // The same split for ASCII, by bytes: its white space is tab to carriage return, and space.
            let words = text.utf8.split(whereSeparator: { $0 == 0x20 || (0x09...0x0D).contains($0) })
            return words.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
