import FAQModel

/// Turns a reader's flow (headings and blocks) into the FAQ shape: title, preamble,
/// sections and question/answer entries. Both readers end here, so both give the same model.
struct FAQStructure {
    var metadata: Metadata
    var file: String
    var questionLevel: Int?
    var diagnostics: [Diagnostic] = []

    /// `--section`: read only the section with this heading.
    var section: String?

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
        var flow = flow
        var fallbackLevel: Int?
        if let picked = try pickSection(flow, title: title) {
            flow = picked.items
            fallbackLevel = picked.innerLevel
            if title == nil || title!.isEmpty {
                title = picked.heading.plainText.trimmingWhitespace()
                metadata.title = title
            }
        }
        guard let roles = QuestionRoles(flow, title: title, questionLevel: questionLevel, fallbackLevel: fallbackLevel)?.roles else {
            throw noQuestions(flow)
        }

        var preamble: [Block] = []
        var sections: [Section] = []
        var looseEntries: [Entry] = []  // entries before the first section
        var current: Entry?

        var titleIDs: [String] = []  // the page title's heading is no element of the body
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

        // By index, matching `flow[index]` in place: copying each item would retain its every field.
        for index in flow.indices {
            switch (roles[index], flow[index]) {
            case (.title, .heading(_, let content, _, let anchor)):
                // A "FAQ" heading that opens a page without a title names it.
                if metadata.title?.isEmpty ?? true { metadata.title = content.plainText.trimmingWhitespace() }
                if let id = anchor.id { titleIDs.append(id) }
            case (.title, _):
                break
            case (.question, .heading(_, let content, let location, let anchor)):
                closeEntry()
                let id = anchor.id ?? ids.fallbackID(for: content.plainText.trimmingWhitespace(), otherwise: "q")
                current = Entry(id: id, question: content, answer: [], location: location)
            case (.question, .entry(let question, let answer, let location, let anchor)):
                closeEntry()
                current = Entry(id: anchor.id ?? ids.fallbackID(for: question.plainText, otherwise: "q"), question: question, answer: answer, location: location)
            case (.boldQuestion(let bold), .paragraph(_, let location)):
                // A paragraph has no id on any platform: the question's slug, clear of every id the page has.
                closeEntry()
                let answer: [Block] = bold.answerStart.isEmpty ? [] : [.paragraph(Paragraph(bold.answerStart))]
                current = Entry(id: ids.fallbackID(for: bold.question.plainText, otherwise: "q"), question: bold.question, answer: answer, location: location)
            case (.section, .heading(_, let content, let location, let anchor)):
                closeEntry()
                let id = anchor.id ?? ids.fallbackID(for: content.plainText.trimmingWhitespace(), otherwise: "section")
                sections.append(Section(id: id, title: content, entries: [], location: location))
            case (.content, _), (.question, _), (.boldQuestion, _), (.section, _):
                // An entry that stays inside an answer (a <details> there) loses its element:
                // its id names the question or section it now stands in.
                if case .entry(_, _, _, let anchor) = flow[index], let id = anchor.id, let target = current?.id ?? sections.last?.id {
                    ids.alias(id, to: target)
                }
                switch flow[index] {
                // The common cases directly, without a one-item flow to flatten.
                case .block(let block): append(block)
                case .paragraph(let paragraph, _): append(.paragraph(paragraph))
                case .heading, .entry, .anchor: [flow[index]].asBlocks.forEach(append)
                }
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
                // It stands where the page title's heading stood, and takes its id.
                let id = titleIDs.isEmpty ? ids.fallbackID(for: name, otherwise: "section") : titleIDs.removeFirst()
                sections.insert(Section(id: id, title: [.text(name)], entries: looseEntries), at: 0)
            }
            body = .sections(sections)
        }
        // A link to the title ("back to the top") goes to the body's first section or question.
        let top: String?
        switch body {
        case .entries(let entries): top = entries.first?.id
        case .sections(let sections): top = sections.first?.id
        }
        if let top { titleIDs.forEach { ids.alias($0, to: top) } }
        let document = FAQDocument(metadata: metadata, preamble: preamble, body: body, source: file)
        guard !document.allEntries.isEmpty else { throw noQuestions(flow) }
        checkEntries(document)
        return document
    }

    /// The section `--section` names, else a bigger document's FAQ section (said in a note).
    private mutating func pickSection(_ flow: [FlowItem], title: String?) throws -> FAQSection? {
        if let section {
            let picked = try FAQSection.named(section, in: flow, file: file)
            diagnostics.append(.note("reading only the section '\(picked.heading.plainText.trimmingWhitespace())' (--section)", at: picked.location))
            return picked
        }
        guard let picked = FAQSection.found(in: flow, title: title) else { return nil }
        diagnostics.append(.note(
            "reading only the section '\(picked.heading.plainText.trimmingWhitespace())': the rest of the document is not a FAQ and is left out (--section TITLE reads another)",
            at: picked.location))
        return picked
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
            advice = "no heading ends in '?': choose the question level with --question-level N (or a section with --section TITLE)"
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
