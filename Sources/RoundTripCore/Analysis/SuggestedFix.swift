/// A change that should make a failing flow pass, as reports print it.
public struct SuggestedFix: Sendable {
    /// The change, naming the design's elements.
    public var description: String
    /// Whether RoundTrip applied it to a copy of the design and the flow then passed; an unverified fix is a hint.
    public var verified: Bool
    /// The line to insert into the design file, for a verified route RoundTrip can place.
    public var insertion: DesignChange.Insertion?

    /// Creates a fix.
    public init(description: String, verified: Bool, insertion: DesignChange.Insertion? = nil) {
        self.description = description
        self.verified = verified
        self.insertion = insertion
    }

    /// `fix (verified: …)` or `hint (not verified): …` for text reports.
    public var label: String { verified ? "fix (verified by re-tracing)" : "hint (not verified)" }
}

extension CheckReport {
    /// The suggested change for a flow that is not symmetric, or nil when no documented fix applies or the one
    /// RoundTrip applied to a copy of the design did not make the flow pass. Verified when it did; a hint when
    /// RoundTrip could not apply it.
    public func fix(for result: FlowResult) -> SuggestedFix? {
        guard result.trace.verdict != .symmetric, !rejectedFixes.contains(result.flow.name),
            let text = Remedy.suggest(for: result.trace, flow: result.flow, in: topology), !text.isEmpty
        else { return nil }
        if let change = verifiedFixes[result.flow.name] {
            return SuggestedFix(description: text, verified: true, insertion: change.insertion)
        }
        return SuggestedFix(description: text, verified: false)
    }
}
