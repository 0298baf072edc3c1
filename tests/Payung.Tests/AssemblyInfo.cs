// Tests drive the embedded PostgreSQL cluster through Unix file modes and the postgres system user.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
