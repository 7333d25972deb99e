/// A change that should make a failing flow pass, as reports print it.
public struct SuggestedFix: Sendable {
    /// The change, naming the design's elements.
    public var description: String
    /// Whether RoundTrip applied it to a copy of the design and the flow then passed; an unverified fix is a hint.
    public var verified: Bool

    /// Creates a fix.
    public init(description: String, verified: Bool) {
        self.description = description
        self.verified = verified
    }

    /// `fix (verified: …)` or `hint (not verified): …` for text reports.
    public var label: String { verified ? "fix (verified by re-tracing)" : "hint (not verified)" }
}

extension CheckReport {
    /// The suggested change for a flow that is not symmetric, or nil when no documented fix applies. RoundTrip cannot
    /// yet apply these changes to a copy of the design, so every one is a hint.
    public func fix(for result: FlowResult) -> SuggestedFix? {
        guard result.trace.verdict != .symmetric,
            let text = Remedy.suggest(for: result.trace, flow: result.flow, in: topology), !text.isEmpty
        else { return nil }
        return SuggestedFix(description: text, verified: false)
    }
}
