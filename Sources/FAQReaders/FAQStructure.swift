import FAQModel

/// Turns a reader's flow (headings and blocks) into the FAQ shape: title, preamble,
/// sections and question/answer entries. Both readers end here, so both give the same model.
struct FAQStructure {
    var metadata: Metadata
    var file: String
    var questionLevel: Int?
    var diagnostics: [Diagnostic] = []

    /// The question level: the heading level whose headings most often end in `?`; ties go deeper.
    static func detectQuestionLevel(_ flow: [FlowItem]) -> Int? {
        var counts = [Int](repeating: 0, count: 7)
        for case .heading(let level, let content, _, _) in flow where content.plainText.trimmingWhitespace().isQuestion {
            counts[level] += 1
        }
        guard let best = counts.max(), best > 0 else { return nil }
        return counts.lastIndex(of: best)
    }

    /// `flow` has its ids (`AnchorAssignment`); `ids` gives one to what the flow did not hold.
    mutating func build(_ flow: [FlowItem], ids: inout AnchorAssignment) throws -> FAQDocument {
        var title = metadata.title?.trimmingWhitespace()
        if title == nil || title!.isEmpty {
            for case .heading(let level, let content, _, _) in flow where level == 1 {
                title = content.plainText.trimmingWhitespace()
                metadata.title = title
                break
            }
        }
        let explicitEntries = flow.contains { if case .entry = $0 { return true } else { return false } }
        let level = questionLevel ?? Self.detectQuestionLevel(flow) ?? (explicitEntries ? 7 : nil)
        guard let level else { throw noQuestions(flow) }

        var preamble: [Block] = []
        var sections: [Section] = []
        var looseEntries: [Entry] = []  // entries before the first section
        var current: Entry?
        var titleSeen = false

        func closeEntry() {
            guard let entry = current else { return }
            if sections.isEmpty { looseEntries.append(entry) } else { sections[sections.count - 1].entries.append(entry) }
            current = nil
        }
        func append(_ block: Block) {
            if current != nil { current!.answer.append(block) }
            else if !sections.isEmpty { sections[sections.count - 1].intro.append(block) }
            else { preamble.append(block) }
        }

        for item in flow {
            switch item {
            case .block(let block):
                append(block)
            case .heading(let hLevel, let content, let location, let anchor):
                let text = content.plainText.trimmingWhitespace()
                let id = anchor.id ?? ids.fallbackID(for: text, otherwise: "section")
                if hLevel == level {
                    closeEntry()
                    current = Entry(id: id, question: content, answer: [], location: location)
                } else if hLevel > level {
                    append(.heading(Heading(level: hLevel, content: content, id: id)))
                } else if !titleSeen && text == title {
                    titleSeen = true  // the page title repeated as a heading is not a section
                } else {
                    closeEntry()
                    sections.append(Section(id: id, title: content, entries: [], location: location))
                }
            case .entry(let question, let answer, let location, let anchor):
                closeEntry()
                let id = anchor.id ?? ids.fallbackID(for: question.plainText, otherwise: "q")
                current = Entry(id: id, question: question, answer: answer, location: location)
            case .anchor:
                break
            }
        }
        closeEntry()

        let body: Body
        if sections.isEmpty {
            body = .entries(looseEntries)
        } else {
            if !looseEntries.isEmpty {
                // Questions before the first section heading form a section of their own.
                let name = title ?? "General"
                sections.insert(Section(id: ids.fallbackID(for: name, otherwise: "section"), title: [.text(name)], entries: looseEntries), at: 0)
            }
            body = .sections(sections)
        }
        let document = FAQDocument(metadata: metadata, preamble: preamble, body: body, source: file)
        guard !document.allEntries.isEmpty else { throw noQuestions(flow) }
        checkEntries(document)
        return document
    }

    private func noQuestions(_ flow: [FlowItem]) -> ReadError {
        var levels: [Int] = []
        for case .heading(let level, _, _, _) in flow where !levels.contains(level) { levels.append(level) }
        let seen = levels.isEmpty ? "no headings at all" : "headings of level " + levels.sorted().map(String.init).joined(separator: ", ")
        let advice: String
        if levels.isEmpty {
            advice = "write each question as a heading (## Question?)"
        } else if let questionLevel {
            advice = "the question level is set to \(questionLevel) (--question-level or front matter question_level)"
        } else {
            advice = "no heading ends in '?': choose the question level with --question-level N"
        }
        return ReadError("no questions found (\(seen)); \(advice)", at: SourceLocation(file: file, line: 1))
    }

    /// Duplicate questions and empty answers are worth a warning, not a failure.
    private mutating func checkEntries(_ document: FAQDocument) {
        var seen: Set<String> = []
        for entry in document.allEntries {
            let key = entry.question.plainText.trimmingWhitespace().lowercased()
            if !seen.insert(key).inserted {
                diagnostics.append(.warning("duplicate question '\(entry.question.plainText)' (its id is '\(entry.id)')", at: entry.location))
            }
            if entry.answer.isEmpty {
                diagnostics.append(.warning("question '\(entry.question.plainText)' has an empty answer", at: entry.location))
            }
        }
    }
}

extension String {
    var isQuestion: Bool { hasSuffix("?") || hasSuffix("？") }
}
