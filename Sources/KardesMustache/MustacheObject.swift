/// A value the templates read by name.
///
/// View models implement it with a `switch` over the names their templates use, so no reflection is needed:
/// ```swift
/// struct CityView: MustacheObject {
///     let name: String, url: String
///     func child(named name: String) -> Any? {
///         switch name {
///         case "name": self.name
///         case "url": url
///         default: nil
///         }
///     }
/// }
/// ```
/// Returning `nil` means "not here": the lookup goes on down the context stack, as swift-mustache does for
/// `MustacheParent`.
public protocol MustacheObject {
    /// The value called `name`, or `nil` when this object has none.
    /// - Parameter name: One part of a (possibly dotted) tag name.
    /// - Returns: The value, or `nil`.
    func child(named name: String) -> Any?
}
