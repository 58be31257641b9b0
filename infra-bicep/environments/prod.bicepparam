// Production: zone-redundant data, longer retention, a database that does not pause during office hours' bursts.
// The SQL administrator (an Entra group) comes from the operator's environment, so no tenant-specific id is
// committed:
//   export INTEGRATION_SQL_ADMIN_LOGIN='sg-integration-sql-admins' INTEGRATION_SQL_ADMIN_OBJECT_ID='<group object id>'
// and the app registration users sign in to for the calculation tool (docs/deploy.md, 'Sign-in'):
//   export INTEGRATION_SIGNIN_CLIENT_ID='<application (client) id>'
// Step 2 (after publishing the code): INTEGRATION_ENABLE_BLOB_EVENTS=true and deploy again.
using '../main.bicep'

param baseName = 'intcase'
param environmentName = 'prod'
param sqlAdministratorLogin = readEnvironmentVariable('INTEGRATION_SQL_ADMIN_LOGIN')
param sqlAdministratorObjectId = readEnvironmentVariable('INTEGRATION_SQL_ADMIN_OBJECT_ID')
param sqlAdministratorPrincipalType = 'Group'
param signInClientId = readEnvironmentVariable('INTEGRATION_SIGNIN_CLIENT_ID')
param sqlMaxVCores = 2
param sqlMinVCores = '0.5'
param sqlAutoPauseDelayMinutes = 120
param sqlMaxSizeGB = 64
param sqlBackupStorageRedundancy = 'Geo'
param dataStorageSku = 'Standard_ZRS'
param dataSoftDeleteRetentionDays = 30
param martRunsCoolAfterDays = 30
param martRunsDeleteAfterDays = 730
param previousVersionsDeleteAfterDays = 180
param logRetentionInDays = 90
param functionMaximumInstanceCount = 100
param functionInstanceMemoryMB = 2048
param enableBlobEventSubscription = bool(readEnvironmentVariable('INTEGRATION_ENABLE_BLOB_EVENTS', 'false'))
