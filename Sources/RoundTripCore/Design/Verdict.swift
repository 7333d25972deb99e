/// A verdict name as written in `expect` and in JSON output.
public enum Verdict: String, Sendable, CaseIterable, Hashable, Codable {
    case symmetric
    case asymmetric
    case natMismatch = "nat-mismatch"
    case noRoute = "no-route"
    case denied
    case loop
    case unsupportedConfig = "unsupported-config"
}
