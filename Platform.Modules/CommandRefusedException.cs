namespace Platform.Modules;

/// <summary>
/// Thrown from a handler, or a service it calls, when the request cannot be served for a reason the
/// member should read: the dispatcher answers with the message, ephemerally, instead of an error.
/// </summary>
public class CommandRefusedException(string message) : Exception(message);
