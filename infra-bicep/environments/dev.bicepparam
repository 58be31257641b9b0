// Development: small, cheap, pauses when idle. The SQL administrator (an Entra group) comes from the
// operator's environment, so no tenant-specific id is committed:
//   export INTEGRATION_SQL_ADMIN_LOGIN='sg-integration-sql-admins' INTEGRATION_SQL_ADMIN_OBJECT_ID='<group object id>'
// and the app registration users sign in to for the calculation tool (docs/deploy.md, 'Sign-in'):
//   export INTEGRATION_SIGNIN_CLIENT_ID='<application (client) id>'
// Step 2 (after publishing the code): INTEGRATION_ENABLE_BLOB_EVENTS=true and deploy again.
using '../main.bicep'

param baseName = 'intcase'
param environmentName = 'dev'
param sqlAdministratorLogin = readEnvironmentVariable('INTEGRATION_SQL_ADMIN_LOGIN')
param sqlAdministratorObjectId = readEnvironmentVariable('INTEGRATION_SQL_ADMIN_OBJECT_ID')
param sqlAdministratorPrincipalType = 'Group'
param signInClientId = readEnvironmentVariable('INTEGRATION_SIGNIN_CLIENT_ID')
param sqlMaxVCores = 1
param sqlMinVCores = '0.5'
param sqlAutoPauseDelayMinutes = 60
param sqlMaxSizeGB = 32
param sqlBackupStorageRedundancy = 'Local'
param dataStorageSku = 'Standard_LRS'
param dataSoftDeleteRetentionDays = 7
param logRetentionInDays = 30
param functionMaximumInstanceCount = 40
param functionInstanceMemoryMB = 2048
param enableBlobEventSubscription = bool(readEnvironmentVariable('INTEGRATION_ENABLE_BLOB_EVENTS', 'false'))
