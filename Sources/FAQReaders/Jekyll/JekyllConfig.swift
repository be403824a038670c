import Foundation
import Yams

/// `url` + `baseurl` of the nearest Jekyll `_config.yml` beside or above an input.
enum JekyllConfig {
    static func baseURL(near path: String) -> String? {
        var directory = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        for _ in 0..<32 {
            let config = directory.appendingPathComponent("_config.yml")
            if let text = try? String(contentsOf: config, encoding: .utf8),
               let yaml = try? Yams.load(yaml: text) as? [String: Any] {
                let url = (yaml["url"] as? String) ?? ""
                let base = (yaml["baseurl"] as? String) ?? ""
                return url + base
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        return nil
    }
}
