import FAQModel

/// What each item of a flow is in the FAQ: a question, a section, the page title repeated,
/// or content (of an answer, a section's intro or the preamble). One pass decides the
/// convention the document follows, a second gives every item its role.
struct QuestionRoles {
    enum Role: Equatable {
        case content, title, section, question
        case boldQuestion(BoldQuestion)
    }

    /// How the document states its questions.
    enum Convention: Equatable {
        /// Every heading at this level (but a table of contents or the FAQ's own title).
        case headings(level: Int)
        /// Only headings opening with a marker (`Q:`, `Question:`, `F:`…), at any level;
        /// unmarked headings above `level` are sections, the others content.
        case markedHeadings(level: Int)
        /// Paragraphs in bold (`**Q: …?**`); headings are sections, or sub-headings of an answer
        /// when deeper than every heading a bold question directly follows.
        case boldParagraphs
        /// `<details>`, `<dl>`, MDX collapsibles; every heading is a section.
        case explicitEntries
    }

    let convention: Convention
    private(set) var roles: [Role] = []

    /// Nil when the flow states no questions by any convention.
    init?(_ flow: [FlowItem], title: String?, questionLevel: Int?, fallbackLevel: Int?) {
        guard let convention = Self.convention(flow, questionLevel: questionLevel, fallbackLevel: fallbackLevel) else { return nil }
        self.convention = convention
        roles = assign(flow, title: title)
    }

    static func convention(_ flow: [FlowItem], questionLevel: Int?, fallbackLevel: Int?) -> Convention? {
        var marked = [Int](repeating: 0, count: 7)
        var asking = [Int](repeating: 0, count: 7)
        var total = [Int](repeating: 0, count: 7)
        var bold = 0
        var entries = 0
        // Matching `flow[index]` borrows the item; a `for item in flow` copy retains its every field.
        for index in flow.indices {
            switch flow[index] {
            case .heading(let level, let content, _, _):
                let text = content.plainText
                total[level] += 1
                if QuestionText.isMarkedQuestion(text) { marked[level] += 1 } else if QuestionText.asks(text) { asking[level] += 1 }
            case .paragraph(let paragraph, _):
                if BoldQuestion(paragraph) != nil { bold += 1 }
            case .entry:
                entries += 1
            case .block, .anchor:
                break
            }
        }
        // Marked headings decide when they are most of the headings at their level.
        let markedLevel = questionLevel ?? (marked.max().flatMap { $0 > 0 ? marked.lastIndex(of: $0) : nil } ?? 0)
        if markedLevel > 0, marked[markedLevel] >= 2, marked[markedLevel] * 2 > total[markedLevel] {
            return .markedHeadings(level: markedLevel)
        }
        if let questionLevel { return .headings(level: questionLevel) }
        // The level whose headings most often end in `?`; ties go deeper.
        let best = asking.max() ?? 0
        if bold >= 2 && bold > best { return .boldParagraphs }
        if best > 0 { return .headings(level: asking.lastIndex(of: best)!) }
        if entries > 0 { return .explicitEntries }
        if let fallbackLevel { return .headings(level: fallbackLevel) }
        // A lone bold question is taken only when nothing else states one.
        return bold > 0 ? .boldParagraphs : nil
    }

    private func assign(_ flow: [FlowItem], title: String?) -> [Role] {
        var roles: [Role] = []
        roles.reserveCapacity(flow.count)
        var open = false  // an entry is open: what follows is its answer
        var titleSeen = false
        var started = false  // a question or section was met
        let sectionLevel = Self.boldSectionLevel(flow)
        func sectionOrTitle(_ text: String) -> Role {
            open = false
            // The page title repeated as a heading is not a section, nor is a "FAQ" heading
            // that opens the page (it names the page).
            if !titleSeen, title.map({ QuestionText.core(text) == QuestionText.core($0) }) == true || !started && SectionTitles.isFAQTitle(text) {
                titleSeen = true
                return .title
            }
            return .section
        }
        for index in flow.indices {
            let role: Role
            switch flow[index] {
            case .heading(let level, let content, _, _):
                let text = content.plainText
                switch convention {
                case .headings(let questionLevel):
                    if level == questionLevel {
                        role = SectionTitles.isContentsOrFAQTitle(text) ? .content : .question
                    } else {
                        role = level > questionLevel ? .content : sectionOrTitle(text)
                    }
                case .markedHeadings(let questionLevel):
                    if QuestionText.isMarkedQuestion(text) {
                        role = .question
                    } else {
                        role = level >= questionLevel ? .content : sectionOrTitle(text)
                    }
                case .boldParagraphs:
                    if open && (sectionLevel.map { level > $0 } ?? true) {
                        role = .content
                    } else if (QuestionText.asks(text) || QuestionText.isMarkedQuestion(text)) && !Self.hasBoldQuestion(under: index, in: flow) {
                        role = .question
                    } else {
                        role = sectionOrTitle(text)
                    }
                case .explicitEntries:
                    role = sectionOrTitle(text)
                }
            case .entry(let question, _, _, _):
                // A <dl> or <details> inside an answer stays there; a table of contents
                // widget is no question.
                role = open && convention != .explicitEntries || SectionTitles.isContents(question.plainText) ? .content : .question
            case .paragraph(let paragraph, _):
                if case .boldParagraphs = convention, let bold = BoldQuestion(paragraph) {
                    role = .boldQuestion(bold)
                } else {
                    role = .content
                }
            case .block, .anchor:
                role = .content
            }
            switch role {
            case .question, .boldQuestion, .section: started = true
            case .title, .content: break
            }
            switch role {
            case .question, .boldQuestion: open = true
            case .section, .title: open = false
            case .content: break
            }
            roles.append(role)
        }
        return roles
    }

    /// The deepest level of a heading that a bold question directly follows: deeper headings
    /// met inside an answer are the answer's own.
    private static func boldSectionLevel(_ flow: [FlowItem]) -> Int? {
        var lastHeading: Int?
        var deepest: Int?
        for index in flow.indices {
            switch flow[index] {
            case .heading(let level, _, _, _): lastHeading = level
            case .paragraph(let paragraph, _):
                if let level = lastHeading, BoldQuestion(paragraph) != nil {
                    deepest = max(deepest ?? level, level)
                    lastHeading = nil
                }
            case .block, .entry, .anchor: break
            }
        }
        return deepest
    }

    /// A bold question between this heading and the next one of its level or higher.
    private static func hasBoldQuestion(under index: Int, in flow: [FlowItem]) -> Bool {
        guard case .heading(let level, _, _, _) = flow[index] else { return false }
        for item in flow[(index + 1)...] {
            switch item {
            case .heading(let inner, _, _, _): if inner <= level { return false }
            case .paragraph(let paragraph, _): if BoldQuestion(paragraph) != nil { return true }
            case .block, .entry, .anchor: break
            }
        }
        return false
    }
}
