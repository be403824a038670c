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

    mutating func build(_ flow: [FlowItem]) throws -> FAQDocument {
        var title = metadata.title?.trimmingWhitespace()
        if title == nil || title!.isEmpty {
            for case .heading(let level, let content, _) in flow where level == 1 {
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

        var slugger = Slugger()
        var preamble: [Block] = []
        var sections: [Section] = []
        var looseEntries: [Entry] = []  // entries before the first section
        var current: Entry?

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

        for (item, role) in zip(flow, roles) {
            switch (role, item) {
            case (.title, .heading(_, let content, _)):
                // A "FAQ" heading that opens a page without a title names it.
                if metadata.title?.isEmpty ?? true { metadata.title = content.plainText.trimmingWhitespace() }
            case (.title, _):
                break
            case (.question, .heading(_, let content, let location)):
                closeEntry()
                current = Entry(id: slugger.slug(for: content.plainText.trimmingWhitespace()), question: content, answer: [], location: location)
            case (.question, .entry(let question, let answer, let location)):
                closeEntry()
                current = Entry(id: slugger.slug(for: question.plainText), question: question, answer: answer, location: location)
            case (.boldQuestion(let bold), .paragraph(_, let location)):
                closeEntry()
                let answer: [Block] = bold.answerStart.isEmpty ? [] : [.paragraph(Paragraph(bold.answerStart))]
                current = Entry(id: slugger.slug(for: bold.question.plainText), question: bold.question, answer: answer, location: location)
            case (.section, .heading(_, let content, let location)):
                closeEntry()
                let text = content.plainText.trimmingWhitespace()
                sections.append(Section(id: slugger.slug(for: text, fallback: "section"), title: content, entries: [], location: location))
            case (.content, _), (.question, _), (.boldQuestion, _), (.section, _):
                [item].asBlocks.forEach(append)
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
                sections.insert(Section(id: slugger.slug(for: name, fallback: "section"), title: [.text(name)], entries: looseEntries), at: 0)
            }
            body = .sections(sections)
        }
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
        for case .heading(let level, _, _) in flow where !levels.contains(level) { levels.append(level) }
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
