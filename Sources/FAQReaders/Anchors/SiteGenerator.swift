import Foundation
import Yams

/// The site generator an input is published with, found from the files around it: the
/// nearest `_config.yml` (Jekyll), `hugo.toml`/`hugo.yaml`/`hugo.json`/`config.toml`
/// (Hugo) or `mkdocs.yml` (MkDocs) in its directory or above, up to the root of its
/// repository.
public struct SiteGenerator: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case jekyll = "Jekyll", hugo = "Hugo", mkdocs = "MkDocs" }
    public var kind: Kind
    /// The configuration file that says so.
    public var config: String
    /// The ids the site's Markdown processor makes.
    public var idStyle: IDStyle

    public init(kind: Kind, config: String, idStyle: IDStyle) {
        self.kind = kind
        self.config = config
        self.idStyle = idStyle
    }

    static let hugoConfigs = ["hugo.toml", "hugo.yaml", "hugo.json", "config.toml"]

    public static func near(_ path: String) -> SiteGenerator? {
        var directory = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        let files = FileManager.default
        for _ in 0..<32 {
            let jekyll = directory.appendingPathComponent("_config.yml")
            if files.fileExists(atPath: jekyll.path) {
                return SiteGenerator(kind: .jekyll, config: jekyll.path, idStyle: jekyllIDStyle(config: jekyll))
            }
            for name in hugoConfigs {
                let hugo = directory.appendingPathComponent(name)
                if files.fileExists(atPath: hugo.path) { return SiteGenerator(kind: .hugo, config: hugo.path, idStyle: .goldmark) }
            }
            for name in ["mkdocs.yml", "mkdocs.yaml"] {
                let mkdocs = directory.appendingPathComponent(name)
                if files.fileExists(atPath: mkdocs.path) { return SiteGenerator(kind: .mkdocs, config: mkdocs.path, idStyle: .mkdocs) }
            }
            // A repository's root ends the search: what lies above is not its site.
            if files.fileExists(atPath: directory.appendingPathComponent(".git").path) { break }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        return nil
    }

    /// kramdown with its GFM parser unless `_config.yml` says otherwise: `kramdown: {input:
    /// kramdown}` is kramdown's own parser; another `markdown:` processor (CommonMark on
    /// GitHub Pages) makes GitHub's ids.
    static func jekyllIDStyle(config: URL) -> IDStyle {
        guard let text = try? String(contentsOf: config, encoding: .utf8),
              let yaml = (try? Yams.load(yaml: text)) as? [String: Any] else { return .kramdown }
        if let processor = yaml["markdown"] as? String, processor.lowercased() != "kramdown" { return .github }
        if let kramdown = yaml["kramdown"] as? [String: Any], let input = kramdown["input"] as? String,
           input.lowercased() == "kramdown" {
            return .kramdownClassic
        }
        return .kramdown
    }
}

/// Which rule makes a document's ids, and why (said under `-v`).
struct IDStyleChoice {
    var style: IDStyle
    var reason: String

    /// Front matter keys only Hugo uses.
    static let hugoKeys: Set<String> = ["weight", "draft", "aliases", "linktitle", "menu", "expirydate", "publishdate", "lastmod", "headless", "cascade", "outputs"]
    /// Front matter keys only Docusaurus uses (its ids are GitHub's).
    static let docusaurusKeys: Set<String> = ["sidebar_position", "sidebar_label", "sidebar_class_name", "hide_table_of_contents", "pagination_label"]

    /// `--id-style`, else front matter `id_style`, else the site around the input, else the
    /// front matter's keys (a page with front matter is a Jekyll page unless Hugo's or
    /// Docusaurus's keys say otherwise), else GitHub's.
    static func choose(option: IDStyle?, frontMatterStyle: IDStyle?, site: SiteGenerator?, frontMatterKeys: [String]?, isHTML: Bool = false) -> IDStyleChoice {
        if let option { return IDStyleChoice(style: option, reason: "--id-style") }
        if let frontMatterStyle { return IDStyleChoice(style: frontMatterStyle, reason: "front matter id_style") }
        if let site {
            return IDStyleChoice(style: site.idStyle, reason: "\(site.kind.rawValue) site: \(site.config)")
        }
        if let keys = frontMatterKeys?.map({ $0.lowercased() }) {
            if let key = keys.first(where: hugoKeys.contains) {
                return IDStyleChoice(style: .goldmark, reason: "front matter with Hugo's '\(key)'")
            }
            if let key = keys.first(where: docusaurusKeys.contains) {
                return IDStyleChoice(style: .github, reason: "front matter with Docusaurus's '\(key)'")
            }
            return IDStyleChoice(style: .kramdown, reason: "front matter: a Jekyll page")
        }
        return IDStyleChoice(style: .github, reason: isHTML ? "an HTML page" : "Markdown without front matter")
    }
}
