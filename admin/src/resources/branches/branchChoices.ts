export const BRANCH_STATUS_CHOICES = [
    { id: 'active', name: 'resources.branches.status.active' },
    { id: 'closed', name: 'resources.branches.status.closed' },
];
