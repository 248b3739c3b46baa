namespace ClusterWatch.Core.Plans.Extraction;

/// <summary>The document cannot be read as plan text (binary, empty, too large, broken .docx); the message is Chinese and shown to users.</summary>
public sealed class PlanDocumentException(string message, Exception? inner = null) : Exception(message, inner);
