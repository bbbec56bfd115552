# Identity service: token-signing keys and the session cache.
resource "aws_kms_key" "token_signing" {
  description             = "Signs customer and service tokens"
  key_usage               = "SIGN_VERIFY"
  customer_master_key_spec = "ECC_NIST_P256"
  deletion_window_in_days = 30
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "identity-sessions"
  description                = "Session cache for the identity service"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  at_rest_encryption_enabled = true
  transit_encryption_enabled = false
}

resource "aws_cloudwatch_log_group" "identity" {
  name              = "/acme/identity-service"
  retention_in_days = 7
}
