import FAQModel
import Foundation

/// Everything in one document a `#fragment` link can point to — questions, sections, and
/// headings that carry an id (in answers, section intros and the preamble) — and the id each
/// has in markup. Built once per document; XHTML and EPUB write these ids and resolve links
/// to them, man and text name the target instead (`CrossReference`).
///
/// Ids in markup are the document's own, so links written against the real page keep
/// working, made valid (XHTML5: not empty, no ASCII white space, nothing XML cannot carry;
/// a digit first or non-ASCII letters are fine) and unique in the document, in this order:
/// entries (JSON and the URLs use their ids; a repeat gets `-2`, `-3`…), the contents'
/// `<nav>`, sections (a clash gets `-section`), then headings: a heading whose id is taken
/// is written without one. A link names a target by the document's id; the first holder of
/// an id in that order is the target.
///
/// Units are `FAQPage`'s: one per section, or a single one for a FAQ without sections.
struct AnchorIndex: Sendable {
    enum Kind: Sendable, Hashable { case entry, section, heading }

    /// The block list a heading sits in.
    enum Place: Sendable, Hashable {
        case preamble
        case intro(unit: Int)
        case answer(unit: Int, entry: Int)
    }

    struct Target: Sendable {
        var kind: Kind
        /// The id as written in markup.
        var id: String
        /// The question, the section title or the heading's text.
        var title: [Inline]
        /// `title` as the formats that cannot link name it (`CrossReference.label`). Made
        /// when a link asks for it: most targets are never linked to, and every emitter
        /// builds its own index.
        var label: String { CrossReference.label(title) }
        /// The unit holding the target; nil for a heading in the preamble.
        var unit: Int?
        /// The question that is, or holds, the target; nil for a section and its intro.
        var entry: Int?

        init(kind: Kind, id: String, title: [Inline], unit: Int?, entry: Int?) {
            self.kind = kind
            self.id = id
            self.title = title
            self.unit = unit
            self.entry = entry
        }
    }

    /// Whether the document has named sections (else one unit of entries).
    let hasSections: Bool
    /// Markup ids of each unit's section (nil for a FAQ without sections) and entries.
    private(set) var sectionIDs: [String?] = []
    private(set) var entryIDs: [[String]] = []
    /// The id of the page's contents `<nav>`.
    private(set) var tocID = ""

    private var targets: [Target] = []
    /// Document id → index into `targets` (the first holder only).
    private var byDocumentID: [String: Int] = [:]
    /// Document id of a heading → the one place that writes it.
    private var headingPlaces: [String: Place] = [:]

    init(_ document: FAQDocument) {
        var taken = Set<String>()
        func unique(_ id: String, suffix: (Int) -> String) -> String {
            var candidate = id
            var n = 1
            while taken.contains(candidate) {
                n += 1
                candidate = id + suffix(n)
            }
            taken.insert(candidate)
            return candidate
        }
        let units: [(section: Section?, entries: [Entry])]
        switch document.body {
        case .entries(let entries):
            hasSections = false
            units = [(nil, entries)]
        case .sections(let sections):
            hasSections = true
            units = sections.map { ($0, $0.entries) }
        }

        for (u, unit) in units.enumerated() {
            var ids: [String] = []
            for (e, entry) in unit.entries.enumerated() {
                let id = unique(Self.markupID(entry.id) ?? "question") { "-\($0)" }
                ids.append(id)
                add(Target(kind: .entry, id: id, title: entry.question, unit: u, entry: e), as: entry.id)
            }
            entryIDs.append(ids)
        }
        var toc = "faqexport-toc"
        while taken.contains(toc) { toc += "-nav" }
        taken.insert(toc)
        tocID = toc
        for (u, unit) in units.enumerated() {
            guard let section = unit.section else {
                sectionIDs.append(nil)
                continue
            }
            let id = unique(Self.markupID(section.id) ?? "section") { String(repeating: "-section", count: $0 - 1) }
            sectionIDs.append(id)
            add(Target(kind: .section, id: id, title: section.title, unit: u, entry: nil), as: section.id)
        }

        func headings(_ blocks: [Block], in place: Place) {
            blocks.forEachHeading { heading in
                guard let documentID = heading.id, let id = Self.markupID(documentID), !taken.contains(id) else { return }
                taken.insert(id)
                headingPlaces[documentID] = place
                let (unit, entry): (Int?, Int?)
                switch place {
                case .preamble: (unit, entry) = (nil, nil)
                case .intro(let u): (unit, entry) = (u, nil)
                case .answer(let u, let e): (unit, entry) = (u, e)
                }
                add(Target(kind: .heading, id: id, title: heading.content, unit: unit, entry: entry), as: documentID)
            }
        }
        headings(document.preamble, in: .preamble)
        for (u, unit) in units.enumerated() {
            if let section = unit.section { headings(section.intro, in: .intro(unit: u)) }
            for (e, entry) in unit.entries.enumerated() { headings(entry.answer, in: .answer(unit: u, entry: e)) }
        }
    }

    private mutating func add(_ target: Target, as documentID: String) {
        guard byDocumentID[documentID] == nil else { return }
        byDocumentID[documentID] = targets.count
        targets.append(target)
    }

    /// The target of `#fragment`, as written or percent-decoded (`#caf%C3%A9` names `café`,
    /// as in a browser); nil when the document has none.
    func target(_ fragment: String) -> Target? {
        if let i = byDocumentID[fragment] { return targets[i] }
        if fragment.contains("%"), let decoded = fragment.removingPercentEncoding, let i = byDocumentID[decoded] {
            return targets[i]
        }
        return nil
    }

    /// Completes "link #x … and is written as text".
    static let noTarget = "names no question, section or heading of the document"

    /// The markup id of a heading with the document's id `documentID` written in `place`;
    /// nil when another element holds that id (the heading is written without one).
    func headingID(_ documentID: String, in place: Place) -> String? {
        guard headingPlaces[documentID] == place, let i = byDocumentID[documentID], targets[i].kind == .heading else { return nil }
        return targets[i].id
    }

    /// `id` as an XHTML5 id: without the characters `XHTMLWriter` drops, ASCII white space
    /// (which an id may not hold) turned into `-`; nil when nothing is left.
    static func markupID(_ id: String) -> String? {
        var written = XHTMLWriter.writtenText(id)
        if written.utf8.contains(where: isASCIIWhitespace) {
            written = String(decoding: written.utf8.map { isASCIIWhitespace($0) ? UInt8(ascii: "-") : $0 }, as: UTF8.self)
        }
        return written.isEmpty ? nil : written
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}

extension Array where Element == Block {
    /// Every heading, nested ones (in list items and quotes) included, in reading order.
    func forEachHeading(_ body: (Heading) -> Void) {
        for block in self {
            switch block {
            case .heading(let h): body(h)
            case .list(let l): l.items.forEach { $0.content.forEachHeading(body) }
            case .quote(let q): q.content.forEachHeading(body)
            case .paragraph, .code, .table, .thematicBreak: break
            }
        }
    }
}
