import FAQModel

/// The part of a bigger document that is its FAQ: the section `--section` names, or a
/// README's or guide's "FAQ" / "Frequently Asked Questions" / "常见问题解答" section when
/// the document as a whole is not a FAQ. A section runs from its heading to the next
/// heading of the same or a higher level.
struct FAQSection {
    /// The section's content, its heading left out.
    var items: [FlowItem]
    var heading: [Inline]
    var level: Int
    var location: SourceLocation?
    /// The shallowest heading level inside: the question level when nothing else tells.
    var innerLevel: Int?

    /// The section `title` names (case-insensitive; a trailing `{#id}` or `¶` aside).
    static func named(_ title: String, in flow: [FlowItem], file: String) throws -> FAQSection {
        let wanted = normalized(title)
        for (index, item) in flow.enumerated() {
            if case .heading(_, let content, _) = item, normalized(content.plainText) == wanted {
                return section(at: index, in: flow)
            }
        }
        var levels: [Int: [String]] = [:]
        for case .heading(let level, let content, _) in flow { levels[level, default: []].append(content.plainText.trimmingWhitespace()) }
        // The title (a lone first-level heading) is no section to offer: the level below it is.
        var sorted = levels.keys.sorted()
        if sorted.count > 1, levels[sorted[0]]!.count == 1 { sorted.removeFirst() }
        let top = sorted.first
        let names = top.map { levels[$0]!.map { "'\($0)'" }.joined(separator: ", ") } ?? ""
        let available = names.isEmpty ? "the document has no headings" : "its sections are \(names)"
        throw ReadError("no section titled '\(title)' (--section); \(available)", at: SourceLocation(file: file, line: 1))
    }

    /// The FAQ section of a document that is not itself a FAQ: a heading titled like a FAQ,
    /// in a document whose title is not and whose other headings ask few questions. Nil
    /// when the document is a FAQ as a whole (or has no such section).
    static func found(in flow: [FlowItem], title: String?) -> FAQSection? {
        if let title, SectionTitles.mentionsFAQ(title) { return nil }
        var titleIndex: Int?
        for (index, item) in flow.enumerated() {
            guard case .heading(_, let content, _) = item else { continue }
            let text = content.plainText
            if titleIndex == nil, let title, normalized(text) == normalized(title) {
                titleIndex = index
                continue
            }
            guard SectionTitles.isFAQTitle(text) else { continue }
            let section = section(at: index, in: flow)
            let end = index + 1 + section.items.count
            var othersOutside = 0
            var questionsOutside = 0
            for (other, item) in flow.enumerated() where (other < index || other >= end) && other != titleIndex {
                guard case .heading(_, let content, _) = item else { continue }
                othersOutside += 1
                let text = content.plainText
                if QuestionText.asks(text) || QuestionText.isMarkedQuestion(text) { questionsOutside += 1 }
            }
            let inside = section.items.filter(\.mayStateQuestion).count
            guard othersOutside > 0, inside > 0, questionsOutside <= max(2, inside / 2) else { return nil }
            return section
        }
        return nil
    }

    private static func section(at index: Int, in flow: [FlowItem]) -> FAQSection {
        guard case .heading(let level, let content, let location) = flow[index] else { preconditionFailure("not a heading") }
        var end = index + 1
        var innerLevel: Int?
        while end < flow.count {
            if case .heading(let inner, _, _) = flow[end] {
                if inner <= level { break }
                innerLevel = min(innerLevel ?? inner, inner)
            }
            end += 1
        }
        return FAQSection(items: Array(flow[(index + 1)..<end]), heading: content, level: level, location: location, innerLevel: innerLevel)
    }

    private static func normalized(_ text: String) -> String {
        QuestionText.core(text).split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }
}

extension FlowItem {
    /// A heading, an explicit entry or a bold question: what can make an entry of a section.
    var mayStateQuestion: Bool {
        switch self {
        case .heading, .entry: return true
        case .paragraph(let paragraph, _): return BoldQuestion(paragraph) != nil
        case .block: return false
        }
    }
}
