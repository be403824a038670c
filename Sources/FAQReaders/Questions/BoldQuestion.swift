import FAQModel

/// A paragraph that states a question in bold, as FAQs without question headings do:
/// `**Q: Is it free?**`, `__5.1. Q. Does it scale?__`, `**Q。能离线使用吗？**`, or only the
/// marker in bold, `***Q***: Is it free?`. What follows it on its next line (`A: Yes.`) is the
/// start of the answer.
struct BoldQuestion: Sendable, Hashable {
    var question: [Inline]
    /// Text of the paragraph after the question (`A: Yes.` written on the next line).
    var answerStart: [Inline]

    init?(_ paragraph: Paragraph) {
        let content = paragraph.content
        guard let first = content.first, let inner = Self.bold(first) else { return nil }
        let innerText = inner.plainText
        let afterFirst = content.dropFirst()
        if Self.isQuestion(innerText) {
            // `**Q: Why?**` alone, or followed by its answer on the next line or the same one.
            if let next = afterFirst.first, !next.isBreak, !innerText.trimmingWhitespace().hasSuffix("?") && !innerText.trimmingWhitespace().hasSuffix("？") {
                return nil  // "**Q: note** that…": bold words in a sentence
            }
            question = inner
            answerStart = Self.trimmedStart(afterFirst.first?.isBreak == true ? Array(afterFirst.dropFirst()) : Array(afterFirst))
            return
        }
        // `***Q***: Is it free?` — only the marker is bold; the question runs to the line
        // that starts the answer (`***A***: …`), else to the end of the paragraph.
        guard QuestionText.isQuestionMarkerWord(innerText), QuestionText.isMarkedQuestion(content.plainText) else { return nil }
        var split = content.count
        for (index, inline) in content.enumerated() where inline.isBreak {
            if QuestionText.isMarkedAnswer(Array(content[(index + 1)...]).plainText) {
                split = index
                break
            }
        }
        question = Array(content[..<split])
        answerStart = split < content.count ? Self.trimmedStart(Array(content[(split + 1)...])) : []
    }

    private static func isQuestion(_ text: String) -> Bool {
        QuestionText.isMarkedQuestion(text) || QuestionText.asks(text)
    }

    /// The content of a bold inline: `**x**`, or bold inside or around emphasis (`***x***`).
    private static func bold(_ inline: Inline) -> [Inline]? {
        switch inline {
        case .strong(let inner):
            if inner.count == 1, case .emphasis(let deeper) = inner[0] { return deeper }
            return inner
        case .emphasis(let inner):
            if inner.count == 1, case .strong(let deeper) = inner[0] { return deeper }
            return nil
        case .text, .code, .strikethrough, .link, .image, .lineBreak, .softBreak:
            return nil
        }
    }

    private static func trimmedStart(_ inlines: [Inline]) -> [Inline] {
        var out = inlines
        while let first = out.first {
            if first.isBreak {
                out.removeFirst()
            } else if case .text(let s) = first {
                let t = String(s.drop(while: \.isWhitespace))
                if t.isEmpty { out.removeFirst() } else { out[0] = .text(t); break }
            } else {
                break
            }
        }
        return out
    }
}

extension Inline {
    var isBreak: Bool {
        switch self {
        case .softBreak, .lineBreak: return true
        case .text, .code, .emphasis, .strong, .strikethrough, .link, .image: return false
        }
    }
}
