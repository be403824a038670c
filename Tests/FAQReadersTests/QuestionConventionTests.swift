import FAQModel
@testable import FAQReaders
import Testing

/// How questions are found: markers, question marks behind anchors, FAQ sections,
/// `--section`, and which syntax reads a file (the goldens cover whole documents).
@Suite struct QuestionConventionTests {
    @Test(arguments: [
        "Q: Why?", "Q. Why?", "Q1) Why?", "Q1. Why?", "Q 2: Why?", "Q12.3: Why?", "Question: Why?", "QUESTION 3: Why?",
        "5.1. Q. Why?", "F: Warum?", "P: ¿Por qué?", "Pregunta: ¿Por qué?", "Pergunta: Por quê?", "Q：为什么？", "问：为什么？",
        "問：なぜ？", "Q。为什么？", "Q : Pourquoi ?", "Q - Why?",
    ])
    func markedQuestions(_ text: String) {
        #expect(QuestionText.isMarkedQuestion(text))
    }

    @Test(arguments: [
        "Q.E.D. for the proof", "P.S. one more thing", "q: lower case", "Quick start", "Q&A", "FAQ: general",
        "Questions about setup", "问什么", "A: the answer", "Q", "Q-tips", "Frage",
    ])
    func unmarkedText(_ text: String) {
        #expect(!QuestionText.isMarkedQuestion(text))
    }

    @Test func answerMarkersAndMarkerWords() {
        #expect(QuestionText.isMarkedAnswer("A. Yes."))
        #expect(QuestionText.isMarkedAnswer("Answer: yes"))
        #expect(QuestionText.isMarkedAnswer("答：可以"))
        #expect(!QuestionText.isMarkedAnswer("Also this"))
        for word in ["Q", "Q:", "Q1.", "Question"] { #expect(QuestionText.isQuestionMarkerWord(word), "\(word)") }
        for word in ["Quick", "Q: Why is it slow?"] { #expect(!QuestionText.isQuestionMarkerWord(word), "\(word)") }
    }

    /// What sites append to a heading does not hide its question mark.
    @Test(arguments: ["Why? {#why}", "Why? { #why .faq }", "Why?  ", "Why? ¶", "Why?¶", "Why? #", "Why?”", "为什么？", "Why? {: #why}"])
    func questionMarkBehindAnchors(_ text: String) {
        #expect(QuestionText.asks(text))
    }

    @Test func notQuestions() {
        #expect(!QuestionText.asks("Why not"))
        #expect(!QuestionText.asks("Set {x?}"))
    }

    @Test func faqAndContentsTitles() {
        for title in ["FAQ", "FAQs", "F.A.Q.", "Frequently Asked Questions", "⁉️ Frequently Asked Questions", "Questions and answers",
                      "Q&A", "Häufig gestellte Fragen", "Preguntas frecuentes", "Foire aux questions", "常见问题解答", "よくある質問",
                      "자주 묻는 질문", "Perguntas frequentes", "Project FAQ", "FAQ (Frequently Asked Questions)"] {
            #expect(SectionTitles.isFAQTitle(title), "\(title)")
        }
        for title in ["Install", "Questions about licensing and the many ways to pay", "Frequently used commands", "Q a?"] {
            #expect(!SectionTitles.isFAQTitle(title), "\(title)")
        }
        #expect(SectionTitles.mentionsFAQ("Jekyll F.A.Q.s - Frequently Asked Questions (and Answers)"))
        #expect(SectionTitles.mentionsFAQ("FAQ | tcpdump"))
        #expect(!SectionTitles.mentionsFAQ("lampshade"))
        #expect(SectionTitles.isContents("Table of contents"))
        #expect(SectionTitles.isContents("Contents"))
    }

    @Test func boldParagraphForms() throws {
        let whole = try #require(BoldQuestion(Paragraph([.strong([.text("Q: Is it free?")]), .softBreak, .text("A: Yes.")])))
        #expect(whole.question == [.text("Q: Is it free?")])
        #expect(whole.answerStart == [.text("A: Yes.")])
        let marker = try #require(BoldQuestion(Paragraph([.emphasis([.strong([.text("Q")])]), .text(": Is it free?")])))
        #expect(marker.question.plainText == "Q: Is it free?")
        #expect(marker.answerStart.isEmpty)
        #expect(BoldQuestion(Paragraph([.strong([.text("Note")]), .text(": read this.")])) == nil)
        #expect(BoldQuestion(Paragraph([.strong([.text("License")])])) == nil)
        #expect(BoldQuestion(Paragraph([.text("Plain text?")])) == nil)
    }

    /// A README's FAQ section is the FAQ; -v hears about it as a note.
    @Test func faqSectionOfAReadmeIsTheFAQ() throws {
        let result = try ReaderFixtures.read("questions/faq-section.md")
        #expect(result.document.allEntries.map(\.question.plainText) == ["The screen flickers when dimming starts", "It ignores the time zone"])
        let note = try #require(result.diagnostics.first { $0.severity == .note })
        #expect(note.message.contains("reading only the section 'FAQ'"))
        #expect(note.location?.line == 15)
    }

    /// A document that is a FAQ as a whole keeps all of it, its "FAQ" section included.
    @Test func faqDocumentIsNotCutToItsFAQSection() throws {
        let text = "# Tool FAQ\n\n## Install\n\n### Why does it fail?\n\nA.\n\n## FAQ\n\n### How do I start?\n\nB.\n"
        let result = try FAQReader.read(text: text, path: "t.md")
        #expect(result.document.allEntries.map(\.question.plainText) == ["Why does it fail?", "How do I start?"])
        #expect(!result.diagnostics.contains { $0.severity == .note })
    }

    @Test func sectionOptionPicksASection() throws {
        let text = "# Tool\n\n## Install\n\n### From source\n\nBuild it.\n\n### From a package\n\napt.\n\n## Use\n\n### Start?\n\nRun.\n"
        let result = try FAQReader.read(text: text, path: "s.md", options: ReaderOptions(section: "install"))
        #expect(result.document.allEntries.map(\.question.plainText) == ["From source", "From a package"])
        #expect(result.diagnostics.contains { $0.severity == .note && $0.message.contains("'Install'") })
    }

    @Test func unknownSectionNamesTheTopLevelSections() {
        let text = "# Tool\n\n## Install\n\n### Why?\n\nA.\n\n## Use\n\nB.\n"
        #expect { try FAQReader.read(text: text, path: "s.md", options: ReaderOptions(section: "FAQ")) } throws: { error in
            let message = (error as? ReadError)?.message ?? ""
            return message.contains("no section titled 'FAQ'") && message.contains("'Install', 'Use'")
        }
    }

    /// A README that opens with a comment or a `<div>` is still Markdown (GitHub renders it
    /// with cmark-gfm): its headings are headings and its lists lists.
    @Test func markdownOpeningWithHTMLIsMarkdown() throws {
        let text = "<!-- badge -->\n<div align=\"center\">\n\n# Tool\n\n</div>\n\n## Why?\n\n- one\n- two\n"
        let result = try FAQReader.read(text: text, path: "README.md", syntax: .markdown)
        let entry = try #require(result.document.allEntries.first)
        #expect(entry.question.plainText == "Why?")
        guard case .list(let list)? = entry.answer.first else { Issue.record("no list: \(entry.answer)"); return }
        #expect(list.items.count == 2)
        #expect(result.document.metadata.title == "Tool")
    }

    @Test func wholeHTMLDocumentInMarkdownFileIsHTML() throws {
        let text = "<!DOCTYPE html>\n<html><body><h2>Why?</h2>\n\n    <p>Indented, not code.</p></body></html>\n"
        let result = try FAQReader.read(text: text, path: "page.md", syntax: .markdown)
        #expect(result.document.allEntries.first?.answer == [.paragraph(Paragraph([.text("Indented, not code.")]))])
    }

    @Test func syntaxFromExtension() {
        #expect(FAQReader.Syntax(path: "a.md") == .markdown)
        #expect(FAQReader.Syntax(path: "a.markdown") == .markdown)
        #expect(FAQReader.Syntax(path: "a.MDX") == .mdx)
        #expect(FAQReader.Syntax(path: "a.htm") == .html)
        #expect(FAQReader.Syntax(path: "a.txt") == .unknown)
        #expect(FAQReader.Syntax(path: "-") == .unknown)
    }

    /// Admonition fences never show as text, in Markdown or MDX.
    @Test func admonitionFencesBecomeAQuote() throws {
        let text = "## Why?\n\nBecause.\n\n:::warning[Careful]\n\nIt bites.\n\n:::\n"
        let entry = try #require(try FAQReader.read(text: text, path: "a.md").document.allEntries.first)
        #expect(entry.answer.last == .quote(BlockQuote([.paragraph(Paragraph([.strong([.text("Careful")])])), .paragraph(Paragraph([.text("It bites.")]))])))
    }
}
